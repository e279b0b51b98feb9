package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class NotificationDeliveryH2IT extends NotificationDeliveryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
