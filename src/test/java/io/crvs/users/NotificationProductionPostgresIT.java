package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class NotificationProductionPostgresIT extends NotificationProductionContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
