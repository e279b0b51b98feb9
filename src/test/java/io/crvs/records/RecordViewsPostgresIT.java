package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordViewsPostgresIT extends RecordViewsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
