package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class BearerExpiryPostgresIT extends BearerExpiryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
