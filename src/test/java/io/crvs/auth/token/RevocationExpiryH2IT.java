package io.crvs.auth.token;

import io.crvs.testkit.TestDatabase;

class RevocationExpiryH2IT extends RevocationExpiryContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
