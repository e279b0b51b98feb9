package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysH2IT extends KeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
