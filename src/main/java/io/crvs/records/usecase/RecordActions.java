package io.crvs.records.usecase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.locations.Location;
import io.crvs.locations.Locations;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ConflictException;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.NotFoundException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.records.RecordStatus;
import io.crvs.records.RecordSummary;
import io.crvs.records.Staff;
import io.crvs.records.fhir.BundleReader;
import io.crvs.records.fhir.BundleRules;
import io.crvs.records.fhir.IncomingBundle;
import io.crvs.records.fhir.RecordDocument;
import io.crvs.records.store.HistoryStore;
import io.crvs.records.store.RecordStore;
import io.crvs.records.workflow.Action;
import io.crvs.records.workflow.Completeness;
import io.crvs.records.workflow.Decision;
import io.crvs.records.workflow.Declaration;
import io.crvs.records.workflow.RecordWorkflow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Staff actions on existing records (functional spec §4.1): validate, update, reject, register, archive,
 * reinstate. Each is one transaction: load, ask {@link RecordWorkflow}, check the office, apply, save only if the
 * record's version is still the one loaded (so of two concurrent actions exactly one succeeds), append history
 * and audit.
 */
public final class RecordActions {
    static final Set<String> REJECTION_REASONS = Set.of("duplicate", "misspelling", "missing_supporting_doc", "other");
    /** Reasons and comments are kept on the Task with every action; bounded so a record's Task stays storable. */
    static final int MAX_TEXT = 1000;

    private final Database database;
    private final RecordStore records;
    private final HistoryStore history;
    private final BundleReader reader;
    private final BundleRules rules;
    private final Locations locations;
    private final Registrations registrations;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public RecordActions(Database database, RecordStore records, HistoryStore history, BundleReader reader,
            BundleRules rules, Locations locations, Registrations registrations, AuditLog audit, ObjectMapper json, Clock clock) {
        this.database = database;
        this.records = records;
        this.history = history;
        this.reader = reader;
        this.rules = rules;
        this.locations = locations;
        this.registrations = registrations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public RecordSummary act(String id, Action action, ActionRequest request, Staff staff, Submitter submitter) {
        var incoming = action == Action.UPDATE
                ? Optional.of(reader.read(request.updatedBundle().orElseThrow(() ->
                        new ValidationException("(body)", "an update needs the new declaration as a FHIR document bundle")),
                        BundleReader.Envelope.FHIR))
                : Optional.<IncomingBundle>empty();
        checkTexts(action, request);
        return database.inTransaction(handle -> {
            var current = records.find(handle, id)
                    .orElseThrow(() -> new NotFoundException("record_not_found", "No record " + id));
            request.expectedVersion().filter(v -> v != current.version()).ifPresent(v -> {
                throw new ConflictException("version_conflict", "The record is at version " + current.version()
                        + ", not " + v + "; reload it and try again");
            });
            var next = allowedNext(handle, current, action, staff);
            return apply(handle, current, action, next, request, incoming, staff, submitter);
        });
    }

    /** Reasons and comments: bounded, and a rejection names one of OpenCRVS's reasons. */
    private static void checkTexts(Action action, ActionRequest request) {
        int maxReason = action == Action.REGISTER ? Completeness.MAX_LATE_REASON : MAX_TEXT;
        if (request.reason().filter(r -> r.length() > maxReason).isPresent()) {
            throw new ValidationException(action == Action.REGISTER ? "reasonForLateRegistration" : "reason",
                    "must be at most " + maxReason + " characters");
        }
        if (request.comment().filter(c -> c.length() > MAX_TEXT).isPresent()) {
            throw new ValidationException("comment", "must be at most " + MAX_TEXT + " characters");
        }
        if (action == Action.REJECT) {
            var reason = request.reason().orElseThrow(() -> new ValidationException("reason", "is required"));
            if (!REJECTION_REASONS.contains(reason)) {
                throw new ValidationException("reason", "must be one of " + new TreeSet<>(REJECTION_REASONS));
            }
        }
    }

    /** The status the action leads to, or why not: 409 for the record's status, 403 for the office or scopes. */
    private RecordStatus allowedNext(Handle handle, RecordSummary current, Action action, Staff staff) {
        var beforeArchive = history.statusBeforeArchive(handle, current.id()).orElse(RecordStatus.IN_PROGRESS);
        var decision = RecordWorkflow.decide(action, current.status(), staff.scopes(), beforeArchive);
        // The status first: whoever lost a race to national staff (who move the record to their office)
        // learns that the action already happened, not that the record left their office.
        if (decision instanceof Decision.Refused refused && !refused.forbidden()) {
            throw new ConflictException(refused.code(), refused.message());
        }
        if (!staff.national() && !current.officeId().equals(staff.officeId())) {
            throw new ForbiddenException("other_office", "The record belongs to office " + current.officeId()
                    + "; you work for " + staff.officeId());
        }
        return switch (decision) {
            case Decision.Refused refused -> throw new ForbiddenException(refused.code(), refused.message());
            case Decision.Allowed allowed -> allowed.next();
        };
    }

    private RecordSummary apply(Handle handle, RecordSummary current, Action action, RecordStatus next,
            ActionRequest request, Optional<IncomingBundle> incoming, Staff staff, Submitter submitter) {
        var now = clock.instant();
        var before = RecordDocument.fromStored(records.resources(handle, current.id()).stream()
                .map(RecordStore.Resource::content).toList(), json);
        var document = incoming.map(bundle -> updated(before, bundle, current, now)).orElse(before);
        var declaration = document.declaration(current.event());
        // The record moves to the office of whoever acted last (OpenCRVS's regLastOffice); only national staff
        // can act on another office's record, so only they move it.
        var office = staff.officeId();
        var district = locations.find(office).flatMap(Location::partOf).orElse(current.locationId());
        var summary = new RecordSummary(current.id(), current.trackingId(), current.event(), next, office, district,
                current.submitterType(), current.submitterId(), declaration.subjectName(), declaration.eventDate(),
                current.registrationNumber(), current.registeredAt(), current.version() + 1, current.createdAt(), now);
        summary = effects(action, summary, document, declaration, request, now);
        document.setState(next, now, office, district, Optional.of(staff.userId()));
        if (!records.update(handle, summary, current.version())) {
            throw new ConflictException("version_conflict", "Someone else changed the record at the same time; reload it and try again");
        }
        records.replaceResources(handle, current.id(), RecordStore.Resource.of(document.resources()));
        var facts = new LinkedHashMap<String, Object>();
        summary.registrationNumber().filter(n -> action == Action.REGISTER).ifPresent(n -> facts.put("registration_number", n));
        if (action == Action.UPDATE) {
            facts.put("changed", document.changedFrom(before));
        }
        if (!office.equals(current.officeId())) {
            facts.put("moved_from_office", current.officeId());
        }
        record(handle, summary, action, staff, submitter, request, facts, now);
        return summary;
    }

    /** The record's document with the declaration of {@code bundle}, which may change neither event nor office. */
    private RecordDocument updated(RecordDocument before, IncomingBundle bundle, RecordSummary current, Instant now) {
        var checked = rules.check(bundle, false, today(now));
        if (!checked.office().id().equals(current.officeId()) || bundle.event() != current.event()) {
            throw new ValidationException("Bundle", "An update keeps the record's event and office");
        }
        return before.updatedWith(bundle);
    }

    /** What each action checks and writes beyond the status; the summary, numbered if the action registers. */
    private RecordSummary effects(Action action, RecordSummary summary, RecordDocument document, Declaration declaration,
            ActionRequest request, Instant now) {
        switch (action) {
            case VALIDATE -> registrations.requireComplete(declaration, today(now));
            case UPDATE -> {
                // A declaration that was complete stays complete: DECLARED and VALIDATED records are in review queues.
                if (summary.status() == RecordStatus.DECLARED || summary.status() == RecordStatus.VALIDATED) {
                    registrations.requireComplete(declaration, today(now));
                }
            }
            case REGISTER -> {
                return registrations.register(summary, document, declaration, request.reason(), now);
            }
            case REJECT -> document.setReason(request.reason().orElseThrow(), request.comment());
            case ARCHIVE -> request.reason().ifPresent(reason -> document.setReason(reason, request.comment()));
            default -> { }
        }
        return summary;
    }

    /** {@code facts}: what this action adds to its history line and audit entry (registration number, changes). */
    private void record(Handle handle, RecordSummary summary, Action action, Staff staff, Submitter submitter,
            ActionRequest request, Map<String, Object> facts, Instant now) {
        var actor = submitter.actor();
        history.append(handle, new HistoryStore.NewEntry(summary.id(), action.historyName(), summary.status(), "user",
                staff.userId(), staff.name(), staff.role(), staff.officeId(), actor.ip(), actor.userAgent(),
                request.reason().orElse(null), request.comment().orElse(null), facts.isEmpty() ? null : write(facts)), now);
        var auditDetails = new LinkedHashMap<String, Object>(submitter.auditFacts());
        auditDetails.put("tracking_id", summary.trackingId());
        auditDetails.put("status", summary.status().name());
        auditDetails.put("version", summary.version());
        auditDetails.putAll(facts);
        request.comment().ifPresent(comment -> auditDetails.put("comment", comment));
        audit.append(handle, new AuditEvent("record." + action.name().toLowerCase(Locale.ROOT), AuditEvent.Outcome.SUCCESS,
                actor, "record", summary.id(), request.reason().orElse(null), auditDetails));
    }

    private String write(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History details are plain values", e);
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
