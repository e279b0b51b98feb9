package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginProductionPostgresIT extends LoginProductionContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
