package io.crvs.auth;

import io.crvs.testkit.TestDatabase;

class BearerPostgresIT extends BearerContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
