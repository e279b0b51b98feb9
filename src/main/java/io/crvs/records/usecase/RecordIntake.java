package io.crvs.records.usecase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import io.crvs.platform.fhir.FhirProblem;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.records.EventType;
import io.crvs.records.RecordStatus;
import io.crvs.records.RecordSummary;
import io.crvs.records.fhir.BundleReader;
import io.crvs.records.fhir.BundleRules;
import io.crvs.records.fhir.CheckedBundle;
import io.crvs.records.fhir.IncomingBundle;
import io.crvs.records.fhir.RecordDocument;
import io.crvs.records.store.HistoryStore;
import io.crvs.records.store.RecordStore;
import io.crvs.records.workflow.Action;
import io.crvs.records.workflow.RecordWorkflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * New records: health-system notifications ({@code POST /notification}, always IN_PROGRESS) and complete
 * declarations by staff (DECLARED, VALIDATED or REGISTERED by the declarer's role). One transaction stores the
 * resources, the first history line and the audit entry. Re-sending a bundle with the same
 * {@code Composition.identifier} returns the record it created, never a second one.
 */
public final class RecordIntake {
    private static final int TRACKING_ID_ATTEMPTS = 5;

    private final Database database;
    private final RecordStore records;
    private final HistoryStore history;
    private final BundleReader reader;
    private final BundleRules rules;
    private final Registrations registrations;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordIntake(Database database, RecordStore records, HistoryStore history, BundleReader reader,
            BundleRules rules, Registrations registrations, AuditLog audit, ObjectMapper json, Clock clock) {
        this.database = database;
        this.records = records;
        this.history = history;
        this.reader = reader;
        this.rules = rules;
        this.registrations = registrations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The stored record, and whether this request created it or found it from an earlier identical submission;
     * {@code resources} are the stored resources when this request created the record, else empty (read them back).
     */
    public record Outcome(RecordSummary record, boolean created, List<ObjectNode> resources) {
        Outcome(RecordSummary record) {
            this(record, false, List.of());
        }
    }

    /** The Event Notification API: a partial record in the office the bundle names, status IN_PROGRESS. */
    public Outcome notify(byte[] body, Submitter submitter) {
        var bundle = reader.read(body, BundleReader.Envelope.OPENCRVS);
        var existing = earlier(bundle, submitter);
        if (existing.isPresent()) {
            return new Outcome(existing.get());
        }
        var checked = rules.check(bundle, true, today());
        return store(checked, RecordStatus.IN_PROGRESS, Action.NOTIFY, submitter);
    }

    /** A complete declaration by staff: DECLARED, VALIDATED or REGISTERED according to the declarer's scopes. */
    public Outcome declare(byte[] body, Submitter submitter) {
        var staff = submitter.staff().orElseThrow(() -> new ForbiddenException("staff_only", "Declarations come from staff"));
        var bundle = reader.read(body, BundleReader.Envelope.FHIR);
        var existing = earlier(bundle, submitter);
        if (existing.isPresent()) {
            return new Outcome(existing.get());
        }
        var checked = rules.check(bundle, false, today());
        if (!staff.national() && !checked.office().id().equals(staff.officeId())) {
            throw new ForbiddenException("other_office", "You can declare only for your own office " + staff.officeId());
        }
        registrations.requireComplete(checked.declaration(), today());
        var status = RecordWorkflow.declaredStatus(submitter.scopes());
        return store(checked, status, Action.DECLARE, submitter);
    }

    /**
     * The record this submitter already created with the bundle's {@code Composition.identifier}. The identifier
     * names one event: reusing a birth's identifier for a death is refused rather than answered with the birth.
     */
    private Optional<RecordSummary> earlier(IncomingBundle bundle, Submitter submitter) {
        var found = bundle.sourceIdentifier().flatMap(source ->
                database.withHandle(handle -> records.findBySource(handle, submitter.id(), source)));
        if (found.isPresent() && found.get().event() != bundle.event()) {
            throw FhirProblem.conflict("Bundle.entry[0].resource.identifier.value", "Composition.identifier "
                    + bundle.sourceIdentifier().get() + " already names your " + found.get().event().name().toLowerCase(Locale.ROOT)
                    + " notification " + found.get().trackingId() + "; use a new identifier for a new event");
        }
        return found;
    }

    private Outcome store(CheckedBundle checked, RecordStatus status, Action action, Submitter submitter) {
        var bundle = checked.bundle();
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(handle -> insert(handle, checked, status, action, submitter));
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                // A concurrent identical submission won the race: answer with its record.
                var won = earlier(bundle, submitter);
                if (won.isPresent()) {
                    return new Outcome(won.get());
                }
                if (attempt >= TRACKING_ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Outcome insert(Handle handle, CheckedBundle checked, RecordStatus status, Action action, Submitter submitter) {
        var bundle = checked.bundle();
        var now = clock.instant();
        var id = UUID.randomUUID().toString();
        var trackingId = freeTrackingId(handle, bundle.event());
        var document = RecordDocument.fromBundle(bundle, id, json);
        document.setTrackingId(bundle.event(), trackingId);
        if (submitter.isClient()) {
            document.setSystemIdentifier(submitter.clientName().orElse(submitter.id()), submitter.id(),
                    submitter.clientType().orElse("HEALTH"));
        }
        var declaration = checked.declaration();
        var summary = new RecordSummary(id, trackingId, bundle.event(), status, checked.office().id(),
                checked.district().id(), submitter.type(), submitter.id(), declaration.subjectName(),
                declaration.eventDate(), Optional.empty(), Optional.empty(), 1, now, now);
        if (status == RecordStatus.REGISTERED) {
            summary = registrations.register(summary, document, declaration, Optional.empty(), now);
        }
        document.setState(status, now, checked.office().id(), checked.district().id(),
                submitter.staff().map(s -> s.userId()));
        records.insert(handle, summary, bundle.sourceIdentifier());
        var stored = document.resources();
        records.insertResources(handle, id, RecordStore.Resource.of(stored));
        var actor = submitter.actor();
        var number = summary.registrationNumber();
        history.append(handle, new HistoryStore.NewEntry(id, historyName(action, status), status, submitter.type(),
                submitter.id(), submitter.name(), submitter.role().orElse(null), checked.office().id(), actor.ip(),
                actor.userAgent(), null, null, number.map(n -> "{\"registration_number\":\"" + n + "\"}").orElse(null)),
                now);
        var details = new LinkedHashMap<String, Object>(submitter.auditFacts());
        details.put("tracking_id", trackingId);
        details.put("status", status.name());
        details.put("office", checked.office().id());
        number.ifPresent(n -> details.put("registration_number", n));
        submitter.clientName().ifPresent(name -> details.put("received_from_client", name));
        audit.append(handle, new AuditEvent("record." + action.name().toLowerCase(Locale.ROOT),
                AuditEvent.Outcome.SUCCESS, actor, "record", id, null, details));
        return new Outcome(summary, true, stored);
    }

    /**
     * What the first history line calls the submission: a registration agent's declaration is sent for approval
     * (VALIDATED) and a registrar's is registered (REGISTERED), as OpenCRVS's record audit shows them.
     */
    private static String historyName(Action action, RecordStatus status) {
        if (action != Action.DECLARE) {
            return action.historyName();
        }
        return switch (status) {
            case VALIDATED -> Action.VALIDATE.historyName();
            case REGISTERED -> Action.REGISTER.historyName();
            default -> action.historyName();
        };
    }

    private String freeTrackingId(Handle handle, EventType event) {
        for (int attempt = 0; attempt < TRACKING_ID_ATTEMPTS; attempt++) {
            var candidate = TrackingIds.next(event);
            if (!records.trackingIdTaken(handle, candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free tracking id after " + TRACKING_ID_ATTEMPTS + " attempts");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
