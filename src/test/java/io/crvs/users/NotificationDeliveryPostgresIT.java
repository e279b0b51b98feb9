package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class NotificationDeliveryPostgresIT extends NotificationDeliveryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
