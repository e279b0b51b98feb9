package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginH2IT extends LoginContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
