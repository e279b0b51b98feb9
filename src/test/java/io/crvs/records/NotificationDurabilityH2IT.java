package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class NotificationDurabilityH2IT extends NotificationDurabilityContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
