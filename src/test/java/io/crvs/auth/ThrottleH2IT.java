package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class ThrottleH2IT extends ThrottleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
