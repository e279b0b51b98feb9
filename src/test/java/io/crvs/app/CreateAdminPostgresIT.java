package io.crvs.app;

import io.crvs.testkit.TestDatabase;

class CreateAdminPostgresIT extends CreateAdminContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
