package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class TotpPostgresIT extends TotpContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
