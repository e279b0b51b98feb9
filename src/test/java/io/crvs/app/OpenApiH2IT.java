package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class OpenApiH2IT extends OpenApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
