package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class UserAdminH2IT extends UserAdminContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
