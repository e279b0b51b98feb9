package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class OpsPostgresIT extends OpsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
