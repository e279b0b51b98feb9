package io.crvs.records.workflow;

import io.crvs.records.EventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The minimum of a complete declaration (functional spec §6.3): the subject's first and last names, sex, the
 * event date (not in the future) and place, the informant type, for births the mother's details, and the
 * informant's email (Farajaland's contact channel), with dates in a possible order and contacts well formed.
 * A notification may lack any of these; validating or registering it needs them all.
 */
public final class Completeness {
    private Completeness() {
    }

    /** The form's limit on the reason for late registration (functional spec §6.1). */
    public static final int MAX_LATE_REASON = 250;
    // One @, no spaces, a dot in the domain: the shape every mail system accepts; delivery proves the rest.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    // Farajaland's national form (functional spec §7) or any E.164 number, as the published samples send.
    private static final Pattern PHONE = Pattern.compile("^(0[79][0-9]{8}|\\+[1-9][0-9]{6,14})$");

    /** A field that keeps a declaration from being complete, and what is wrong with it. */
    public record Gap(String field, String problem) {
        static final String REQUIRED = "is required";

        static Gap required(String field) {
            return new Gap(field, REQUIRED);
        }

        /** {@code child.gender} when missing, {@code child.birthDate (in the future)} when wrong. */
        @Override
        public String toString() {
            return problem.equals(REQUIRED) ? field : field + " (" + problem + ")";
        }
    }

    /** The fields still missing or invalid, in form order; empty when complete. */
    public static List<Gap> gaps(Declaration declaration, LocalDate today) {
        var gaps = new ArrayList<Gap>();
        subjectGaps(declaration, today, gaps);
        if (declaration.informantType().isEmpty()) {
            gaps.add(Gap.required("informant.informantType"));
        }
        if (declaration.event() == EventType.BIRTH && declaration.motherName().isEmpty()) {
            gaps.add(Gap.required("mother.name"));
        }
        dateOrder(declaration).ifPresent(gaps::add);
        contactGaps(declaration, gaps);
        declaration.lateRegistrationReason().filter(reason -> reason.length() > MAX_LATE_REASON).ifPresent(reason ->
                gaps.add(new Gap("reasonForLateRegistration", "longer than " + MAX_LATE_REASON + " characters")));
        return gaps;
    }

    private static void subjectGaps(Declaration declaration, LocalDate today, List<Gap> gaps) {
        boolean birth = declaration.event() == EventType.BIRTH;
        var subject = birth ? "child" : "deceased";
        if (declaration.subjectGiven().isEmpty()) {
            gaps.add(Gap.required(subject + ".firstNames"));
        }
        if (declaration.subjectFamily().isEmpty()) {
            gaps.add(Gap.required(subject + ".familyName"));
        }
        if (declaration.subjectSex().isEmpty()) {
            gaps.add(Gap.required(subject + ".gender"));
        }
        var dateField = birth ? "child.birthDate" : "deathEvent.deathDate";
        if (declaration.eventDate().isEmpty()) {
            gaps.add(Gap.required(dateField));
        } else if (declaration.eventDate().get().isAfter(today)) {
            gaps.add(new Gap(dateField, "in the future"));
        }
        if (declaration.eventPlace().isEmpty()) {
            gaps.add(Gap.required(birth ? "child.placeOfBirth" : "deathEvent.placeOfDeath"));
        }
    }

    private static void contactGaps(Declaration declaration, List<Gap> gaps) {
        if (declaration.contactEmail().isEmpty()) {
            gaps.add(Gap.required("informant.registrationEmail"));
        } else if (!EMAIL.matcher(declaration.contactEmail().get()).matches()) {
            gaps.add(new Gap("informant.registrationEmail", "not an email address"));
        }
        declaration.contactPhone().filter(phone -> !PHONE.matcher(phone).matches())
                .ifPresent(phone -> gaps.add(new Gap("informant.registrationPhone", "not a phone number")));
    }

    /** A mother born after her child, or a death before the deceased's birth. */
    private static Optional<Gap> dateOrder(Declaration declaration) {
        var event = declaration.eventDate();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        if (declaration.motherBirthDate().filter(born -> !born.isBefore(event.get())).isPresent()) {
            return Optional.of(new Gap("mother.birthDate", "not before the child's"));
        }
        if (declaration.subjectBirthDate().filter(born -> born.isAfter(event.get())).isPresent()) {
            return Optional.of(new Gap("deceased.birthDate", "after the date of death"));
        }
        return Optional.empty();
    }
}
