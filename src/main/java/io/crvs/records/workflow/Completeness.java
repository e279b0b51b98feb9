package io.crvs.records.workflow;

import io.crvs.records.EventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimum of a complete declaration (functional spec §6.3): the subject's first and last names, sex, the
 * event date (not in the future) and place, the informant type, for births the mother's details, and a contact.
 * A notification may lack any of these; validating or registering it needs them all.
 */
public final class Completeness {
    private Completeness() {
    }

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
        if (declaration.contactEmail().isEmpty() && declaration.contactPhone().isEmpty()) {
            missing.add("informant.registrationEmail");
        }
        return missing;
    }
}
