package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class CreateAdminH2IT extends CreateAdminContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
