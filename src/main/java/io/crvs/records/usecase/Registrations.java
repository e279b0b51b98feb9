package io.crvs.records.usecase;

import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.UnprocessableException;
import io.crvs.records.RecordStatus;
import io.crvs.records.RecordSummary;
import io.crvs.records.fhir.RecordDocument;
import io.crvs.records.workflow.Completeness;
import io.crvs.records.workflow.Declaration;
import io.crvs.records.workflow.RegistrationPeriods;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What registering means: the declaration is complete, a late or delayed registration carries a reason, and the
 * record gets its registration number (year of registration and tracking id, Farajaland's rule) and date.
 */
public final class Registrations {

    /** A 422 listing every missing field when the declaration is not complete. */
    public void requireComplete(Declaration declaration, LocalDate today) {
        var gaps = Completeness.gaps(declaration, today);
        if (!gaps.isEmpty()) {
            throw new UnprocessableException("incomplete_declaration",
                    "The declaration is incomplete: " + gaps.stream().map(Completeness.Gap::toString).collect(Collectors.joining(", ")),
                    gaps.stream().map(gap -> new FieldError(gap.field(), gap.problem())).toList());
        }
    }

    /** The registered summary; stamps the number on the document. {@code reason}: given with the request, if any. */
    public RecordSummary register(RecordSummary record, RecordDocument document, Declaration declaration,
            Optional<String> reason, Instant now) {
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        requireComplete(declaration, today);
        var timeliness = RegistrationPeriods.classify(record.event(), declaration.eventDate().orElseThrow(), today);
        var lateReason = reason.filter(r -> !r.isBlank()).or(declaration::lateRegistrationReason);
        if (timeliness.needsReason() && lateReason.isEmpty()) {
            throw new UnprocessableException("late_registration_reason_required",
                    "This registration is " + timeliness.name().toLowerCase(Locale.ROOT)
                            + ": give a reasonForLateRegistration",
                    List.of(new FieldError("reasonForLateRegistration", "is required for a "
                            + timeliness.name().toLowerCase(Locale.ROOT) + " registration")));
        }
        lateReason.filter(r -> timeliness.needsReason()).ifPresent(document::setLateRegistrationReason);
        var number = today.getYear() + record.trackingId();
        document.setRegistrationNumber(record.event(), number);
        return new RecordSummary(record.id(), record.trackingId(), record.event(), RecordStatus.REGISTERED,
                record.officeId(), record.locationId(), record.submitterType(), record.submitterId(),
                declaration.subjectName(), declaration.eventDate(), Optional.of(number), Optional.of(now),
                record.version(), record.createdAt(), now);
    }
}
