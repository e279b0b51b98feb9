package io.crvs.records;

import io.crvs.testkit.TestDatabase;

class RecordWorkflowH2IT extends RecordWorkflowContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
