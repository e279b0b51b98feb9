package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class NotificationH2IT extends NotificationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
