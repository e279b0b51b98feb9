package io.crvs.gateway;

import io.crvs.testkit.TestDatabase;

class GraphqlSystemsPostgresIT extends GraphqlSystemsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
