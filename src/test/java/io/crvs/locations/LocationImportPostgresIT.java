package io.crvs.locations;

import io.crvs.testkit.TestDatabase;

class LocationImportPostgresIT extends LocationImportContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
