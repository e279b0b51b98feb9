package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class OpsH2IT extends OpsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
