package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysPostgresIT extends KeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
