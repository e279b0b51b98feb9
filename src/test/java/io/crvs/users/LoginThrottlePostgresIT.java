package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginThrottlePostgresIT extends LoginThrottleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
