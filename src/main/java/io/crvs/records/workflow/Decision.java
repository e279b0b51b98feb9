package io.crvs.records.workflow;

import io.crvs.records.RecordStatus;

/** The workflow's answer to "may this caller do this now?". */
public sealed interface Decision {
    /** Allowed; the record's status afterwards. */
    record Allowed(RecordStatus next) implements Decision {
    }

    /** Refused: {@code forbidden} for a missing right (403), otherwise a state conflict (409). */
    record Refused(boolean forbidden, String code, String message) implements Decision {
    }
}
