package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysFromPemH2IT extends KeysFromPemContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
