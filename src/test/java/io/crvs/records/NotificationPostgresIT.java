package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class NotificationPostgresIT extends NotificationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
