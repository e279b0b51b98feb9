package io.crvs.locations;

import io.crvs.testkit.TestDatabase;

class LocationApiH2IT extends LocationApiContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
