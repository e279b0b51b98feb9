package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginPostgresIT extends LoginContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
