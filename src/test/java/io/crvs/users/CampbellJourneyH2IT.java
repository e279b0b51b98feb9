package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class CampbellJourneyH2IT extends CampbellJourneyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
