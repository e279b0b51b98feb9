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

    /** The fields still missing or invalid, as {@code section.field} names; empty when complete. */
    public static List<String> missing(Declaration declaration, LocalDate today) {
        var missing = new ArrayList<String>();
        var subject = declaration.event() == EventType.BIRTH ? "child" : "deceased";
        if (declaration.subjectGiven().isEmpty()) {
            missing.add(subject + ".firstNames");
        }
        if (declaration.subjectFamily().isEmpty()) {
            missing.add(subject + ".familyName");
        }
        if (declaration.subjectSex().isEmpty()) {
            missing.add(subject + ".gender");
        }
        var dateField = declaration.event() == EventType.BIRTH ? "child.birthDate" : "deathEvent.deathDate";
        if (declaration.eventDate().isEmpty()) {
            missing.add(dateField);
        } else if (declaration.eventDate().get().isAfter(today)) {
            missing.add(dateField + " (in the future)");
        }
        if (declaration.eventPlace().isEmpty()) {
            missing.add(declaration.event() == EventType.BIRTH ? "child.placeOfBirth" : "deathEvent.placeOfDeath");
        }
        if (declaration.informantType().isEmpty()) {
            missing.add("informant.informantType");
        }
        if (declaration.event() == EventType.BIRTH && declaration.motherName().isEmpty()) {
            missing.add("mother.name");
        }
        dateOrder(declaration).ifPresent(missing::add);
        if (declaration.contactEmail().isEmpty()) {
            missing.add("informant.registrationEmail");
        } else if (!EMAIL.matcher(declaration.contactEmail().get()).matches()) {
            missing.add("informant.registrationEmail (not an email address)");
        }
        declaration.contactPhone().filter(phone -> !PHONE.matcher(phone).matches())
                .ifPresent(phone -> missing.add("informant.registrationPhone (not a phone number)"));
        declaration.lateRegistrationReason().filter(reason -> reason.length() > MAX_LATE_REASON)
                .ifPresent(reason -> missing.add("reasonForLateRegistration (longer than " + MAX_LATE_REASON + " characters)"));
        return missing;
    }

    /** A mother born after her child, or a death before the deceased's birth. */
    private static Optional<String> dateOrder(Declaration declaration) {
        var event = declaration.eventDate();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        if (declaration.motherBirthDate().filter(born -> !born.isBefore(event.get())).isPresent()) {
            return Optional.of("mother.birthDate (not before the child's)");
        }
        if (declaration.subjectBirthDate().filter(born -> born.isAfter(event.get())).isPresent()) {
            return Optional.of("deceased.birthDate (after the date of death)");
        }
        return Optional.empty();
    }
}
