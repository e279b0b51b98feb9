package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordWorkflowPostgresIT extends RecordWorkflowContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
