package io.crvs.records;

/** OpenCRVS registration statuses (functional spec §3), stored as the Task's businessStatus. */
public enum RecordStatus {
    IN_PROGRESS, DECLARED, VALIDATED, REJECTED, REGISTERED, CERTIFIED, ISSUED, ARCHIVED
}
