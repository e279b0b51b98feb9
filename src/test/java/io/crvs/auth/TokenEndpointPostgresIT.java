package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class TokenEndpointPostgresIT extends TokenEndpointContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
