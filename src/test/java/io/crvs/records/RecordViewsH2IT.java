package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordViewsH2IT extends RecordViewsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
