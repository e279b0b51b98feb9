package io.crvs.integrations;

import io.crvs.testkit.TestDatabase;

class IntegrationsApiH2IT extends IntegrationsApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
