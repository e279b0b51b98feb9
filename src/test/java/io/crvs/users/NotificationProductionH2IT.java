package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class NotificationProductionH2IT extends NotificationProductionContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
