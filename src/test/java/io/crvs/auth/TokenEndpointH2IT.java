package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class TokenEndpointH2IT extends TokenEndpointContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
