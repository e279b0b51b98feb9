package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class LoginProductionH2IT extends LoginProductionContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
