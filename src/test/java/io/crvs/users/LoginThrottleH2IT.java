package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginThrottleH2IT extends LoginThrottleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
