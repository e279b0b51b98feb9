package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordDeclarationsPostgresIT extends RecordDeclarationsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
