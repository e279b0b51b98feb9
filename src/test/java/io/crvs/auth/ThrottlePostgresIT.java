package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class ThrottlePostgresIT extends ThrottleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
