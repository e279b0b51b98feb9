package io.crvs.users;

import io.crvs.testkit.TestDatabase;

class OnboardingH2IT extends OnboardingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
