package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class CampbellJourneyPostgresIT extends CampbellJourneyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
