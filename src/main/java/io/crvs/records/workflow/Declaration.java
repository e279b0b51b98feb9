package io.crvs.records.workflow;

import io.crvs.records.EventType;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The facts of a declaration that rules depend on, read from its FHIR resources: who the subject is, when and
 * where the event happened, who informs, how to reach them.
 *
 * @param eventPlace a location id (facility) or {@code "address"} when the event happened at an address
 * @param motherName the mother's given and family names, births only
 * @param motherBirthDate the mother's date of birth, births only
 * @param subjectBirthDate the deceased's date of birth, deaths only (a child's is the event date)
 */
public record Declaration(EventType event, Optional<String> subjectGiven, Optional<String> subjectFamily,
        Optional<String> subjectSex, Optional<LocalDate> eventDate, Optional<String> eventPlace,
        Optional<String> informantType, Optional<String> motherName, Optional<String> contactEmail,
        Optional<String> contactPhone, Optional<String> lateRegistrationReason, Optional<LocalDate> motherBirthDate,
        Optional<LocalDate> subjectBirthDate) {

    public Optional<String> subjectName() {
        var name = (subjectGiven.orElse("") + " " + subjectFamily.orElse("")).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
