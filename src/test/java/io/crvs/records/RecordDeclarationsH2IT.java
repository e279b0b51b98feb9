package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordDeclarationsH2IT extends RecordDeclarationsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
