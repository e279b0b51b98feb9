package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class BearerH2IT extends BearerContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
