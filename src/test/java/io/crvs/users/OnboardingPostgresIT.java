package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class OnboardingPostgresIT extends OnboardingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
