package io.crvs.auth.token;

import io.crvs.testkit.TestDatabase;

class RevocationExpiryPostgresIT extends RevocationExpiryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
