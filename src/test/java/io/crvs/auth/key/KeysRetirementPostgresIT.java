package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysRetirementPostgresIT extends KeysRetirementContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
