package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class CliPostgresIT extends CliContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
