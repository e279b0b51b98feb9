package io.crvs.records.usecase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.NotFoundException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.records.HistoryEntry;
import io.crvs.records.RecordStatus;
import io.crvs.records.RecordSummary;
import io.crvs.records.Staff;
import io.crvs.records.fhir.RecordDocument;
import io.crvs.records.store.HistoryStore;
import io.crvs.records.store.RecordStore;
import io.crvs.records.workflow.Action;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading records. Every view of a record's content is written to its history and to the audit log in the same
 * transaction that reads it, so "who looked at this record" always has an answer. Who may read: staff who
 * review or register (any office, as in OpenCRVS), the client or person who
 * submitted it, and field agents of the record's office.
 */
public final class RecordReading {
    private static final Set<String> REVIEWERS = Set.of("validate", "register", "certify");

    private final Database database;
    private final RecordStore records;
    private final HistoryStore history;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordReading(Database database, RecordStore records, HistoryStore history, AuditLog audit,
            ObjectMapper json, Clock clock) {
        this.database = database;
        this.records = records;
        this.history = history;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A record read for display. */
    public record View(RecordSummary summary, ObjectNode bundle) {
    }

    public View view(String id, Submitter reader) {
        return database.inTransaction(handle -> {
            var summary = records.find(handle, id).orElseThrow(() -> new NotFoundException("record_not_found", "No record " + id));
            mayRead(summary, reader);
            var document = RecordDocument.fromStored(records.resources(handle, id).stream()
                    .map(RecordStore.Resource::content).toList(), json);
            var now = clock.instant();
            var actor = reader.actor();
            history.append(handle, new HistoryStore.NewEntry(id, Action.VIEW.historyName(), summary.status(), reader.type(),
                    reader.id(), reader.name(), reader.role().orElse(null), reader.officeId().orElse(null), actor.ip(),
                    actor.userAgent(), null, null, null), now);
            var details = new LinkedHashMap<String, Object>(reader.auditFacts());
            details.put("tracking_id", summary.trackingId());
            audit.append(handle, new AuditEvent("record.viewed", AuditEvent.Outcome.SUCCESS, actor, "record", id, null, details));
            return new View(summary, document.bundle(id, summary.updatedAt()));
        });
    }

    /** The stored resources of a record just created, for the creation response (not a view of someone's record). */
    public List<ObjectNode> storedResources(String id) {
        return database.withHandle(handle -> RecordDocument.fromStored(records.resources(handle, id).stream()
                .map(RecordStore.Resource::content).toList(), json).resources());
    }

    public List<HistoryEntry> history(String id, Submitter reader) {
        return database.withHandle(handle -> {
            var summary = records.find(handle, id).orElseThrow(() -> new NotFoundException("record_not_found", "No record " + id));
            mayRead(summary, reader);
            return history.list(handle, id);
        });
    }

    /** An office work queue (functional spec §3). */
    public enum Queue {
        IN_PROGRESS(EnumSet.of(RecordStatus.IN_PROGRESS)),
        READY_FOR_REVIEW(EnumSet.of(RecordStatus.DECLARED, RecordStatus.VALIDATED)),
        REQUIRES_UPDATES(EnumSet.of(RecordStatus.REJECTED)),
        SENT_FOR_APPROVAL(EnumSet.of(RecordStatus.VALIDATED)),
        READY_TO_PRINT(EnumSet.of(RecordStatus.REGISTERED));

        private final Set<RecordStatus> statuses;

        Queue(Set<RecordStatus> statuses) {
            this.statuses = statuses;
        }

        public static Queue parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ValidationException("queue", "must be one of in-progress, ready-for-review, requires-updates, "
                        + "sent-for-approval, ready-to-print");
            }
        }
    }

    /** One page of a queue. */
    public record Page(List<RecordSummary> records, int total) {
    }

    public Page queue(Queue queue, String officeId, int skip, int count, Staff staff) {
        if (!staff.national() && !staff.officeId().equals(officeId)) {
            throw new ForbiddenException("other_office", "You can see only the queues of your own office " + staff.officeId());
        }
        if (staff.scopes().stream().noneMatch(REVIEWERS::contains)) {
            throw new ForbiddenException("insufficient_scope", "Work queues need the scope validate or register");
        }
        // A registration agent reviews DECLARED records; VALIDATED ones wait for a registrar (OpenCRVS's queues).
        var statuses = queue == Queue.READY_FOR_REVIEW && !staff.scopes().contains("register")
                ? EnumSet.of(RecordStatus.DECLARED) : queue.statuses;
        return database.withHandle(handle -> new Page(records.queue(handle, officeId, statuses, skip, count),
                records.queueSize(handle, officeId, statuses)));
    }

    private static void mayRead(RecordSummary summary, Submitter reader) {
        boolean submitter = summary.submitterId().equals(reader.id());
        boolean reviewer = reader.staff().isPresent() && reader.scopes().stream().anyMatch(REVIEWERS::contains);
        boolean sameOfficeDeclarer = reader.staff().filter(s -> s.scopes().contains("declare"))
                .map(s -> s.officeId().equals(summary.officeId())).orElse(false);
        if (!submitter && !reviewer && !sameOfficeDeclarer) {
            // Someone else's record: say nothing about whether it exists.
            throw new NotFoundException("record_not_found", "No record " + summary.id());
        }
    }
}
