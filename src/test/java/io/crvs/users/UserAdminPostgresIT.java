package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class UserAdminPostgresIT extends UserAdminContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
