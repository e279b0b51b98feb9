package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysFromPemPostgresIT extends KeysFromPemContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
