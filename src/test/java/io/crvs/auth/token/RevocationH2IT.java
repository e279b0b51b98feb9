package io.crvs.auth.token;

import io.crvs.testkit.TestDatabase;

class RevocationH2IT extends RevocationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
