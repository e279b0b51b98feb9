package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class CliH2IT extends CliContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
