package io.crvs.auth.key;

import io.crvs.testkit.TestDatabase;

class KeysRetirementH2IT extends KeysRetirementContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
