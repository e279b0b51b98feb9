package io.crvs.integrations;

import io.crvs.testkit.TestDatabase;

class IntegrationsApiPostgresIT extends IntegrationsApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
