package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class BearerExpiryH2IT extends BearerExpiryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
