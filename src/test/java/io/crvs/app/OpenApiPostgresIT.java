package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class OpenApiPostgresIT extends OpenApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
