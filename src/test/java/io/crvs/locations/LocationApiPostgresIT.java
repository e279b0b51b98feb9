package io.crvs.locations;

import io.crvs.testkit.TestDatabase;

class LocationApiPostgresIT extends LocationApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
