package io.crvs.gateway;

import io.crvs.testkit.TestDatabase;

class GraphqlSystemsH2IT extends GraphqlSystemsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
