package io.crvs.locations;

import io.crvs.testkit.TestDatabase;

class LocationImportH2IT extends LocationImportContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
