package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class TotpH2IT extends TotpContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
