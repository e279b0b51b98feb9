package io.crvs.auth.token;

import io.crvs.testkit.TestDatabase;

class RevocationPostgresIT extends RevocationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
