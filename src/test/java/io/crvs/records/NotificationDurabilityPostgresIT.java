package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class NotificationDurabilityPostgresIT extends NotificationDurabilityContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
