package io.crvs.records.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.records.EventType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The minimum of a complete declaration (functional spec §6.3): subject names, sex, event date (not in the future)
 * and place, informant type, the mother for births, and a contact; each missing item is named.
 */
class CompletenessTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private static Declaration birth() {
        return new Declaration(EventType.BIRTH, Optional.of("Chanda"), Optional.of("Mulenga"), Optional.of("female"),
                Optional.of(TODAY.minusDays(3)), Optional.of("pXhz0PLiYZX"), Optional.of("MOTHER"),
                Optional.of("Mwila Mulenga"), Optional.of("informant@example.org"), Optional.of("+260759205190"),
                Optional.empty(), Optional.of(TODAY.minusYears(25)), Optional.empty());
    }

    private static Declaration death() {
        return new Declaration(EventType.DEATH, Optional.of("Salam"), Optional.of("Ahmed"), Optional.of("male"),
                Optional.of(TODAY.minusDays(3)), Optional.of("pXhz0PLiYZX"), Optional.of("SPOUSE"), Optional.empty(),
                Optional.of("informant@example.org"), Optional.of("0712345679"), Optional.empty(), Optional.empty(),
                Optional.of(TODAY.minusYears(70)));
    }

    /** The gaps as text: {@code child.gender} when missing, {@code child.birthDate (in the future)} when wrong. */
    private static List<String> missing(Declaration declaration, LocalDate today) {
        return Completeness.gaps(declaration, today).stream().map(Completeness.Gap::toString).toList();
    }

    /** A copy of {@code d} with one field replaced, by position in the record. */
    private static Declaration with(Declaration d, int field, Optional<?> value) {
        Object[] v = {d.event(), d.subjectGiven(), d.subjectFamily(), d.subjectSex(), d.eventDate(), d.eventPlace(),
                d.informantType(), d.motherName(), d.contactEmail(), d.contactPhone(), d.lateRegistrationReason(),
                d.motherBirthDate(), d.subjectBirthDate()};
        v[field] = value;
        @SuppressWarnings("unchecked")
        var result = new Declaration((EventType) v[0], (Optional<String>) v[1], (Optional<String>) v[2],
                (Optional<String>) v[3], (Optional<LocalDate>) v[4], (Optional<String>) v[5], (Optional<String>) v[6],
                (Optional<String>) v[7], (Optional<String>) v[8], (Optional<String>) v[9], (Optional<String>) v[10],
                (Optional<LocalDate>) v[11], (Optional<LocalDate>) v[12]);
        return result;
    }

    @Test
    void missingWhenBirthCompleteThenNothing() {
        assertThat(missing(birth(), TODAY)).isEmpty();
    }

    @Test
    void missingWhenDeathCompleteWithoutMotherThenNothing() {
        assertThat(missing(death(), TODAY)).isEmpty();
    }

    @Test
    void missingWhenOneBirthItemAbsentThenExactlyThatItemNamed() {
        assertThat(missing(with(birth(), 1, Optional.empty()), TODAY)).containsExactly("child.firstNames");
        assertThat(missing(with(birth(), 2, Optional.empty()), TODAY)).containsExactly("child.familyName");
        assertThat(missing(with(birth(), 3, Optional.empty()), TODAY)).containsExactly("child.gender");
        assertThat(missing(with(birth(), 4, Optional.empty()), TODAY)).containsExactly("child.birthDate");
        assertThat(missing(with(birth(), 5, Optional.empty()), TODAY)).containsExactly("child.placeOfBirth");
        assertThat(missing(with(birth(), 6, Optional.empty()), TODAY)).containsExactly("informant.informantType");
        assertThat(missing(with(birth(), 7, Optional.empty()), TODAY)).containsExactly("mother.name");
    }

    @Test
    void missingWhenOneDeathItemAbsentThenNamedWithDeathFieldNames() {
        assertThat(missing(with(death(), 1, Optional.empty()), TODAY)).containsExactly("deceased.firstNames");
        assertThat(missing(with(death(), 2, Optional.empty()), TODAY)).containsExactly("deceased.familyName");
        assertThat(missing(with(death(), 3, Optional.empty()), TODAY)).containsExactly("deceased.gender");
        assertThat(missing(with(death(), 4, Optional.empty()), TODAY)).containsExactly("deathEvent.deathDate");
        assertThat(missing(with(death(), 5, Optional.empty()), TODAY)).containsExactly("deathEvent.placeOfDeath");
        assertThat(missing(with(death(), 6, Optional.empty()), TODAY)).containsExactly("informant.informantType");
    }

    @Test
    void missingWhenEmailAbsentThenNamedEvenWithAPhoneAndWhenPhoneAbsentThenComplete() {
        assertThat(missing(with(birth(), 8, Optional.empty()), TODAY)).containsExactly("informant.registrationEmail");
        assertThat(missing(with(death(), 8, Optional.empty()), TODAY)).containsExactly("informant.registrationEmail");
        assertThat(missing(with(birth(), 9, Optional.empty()), TODAY)).isEmpty();
    }

    @Test
    void missingWhenContactMalformedThenSaysSo() {
        for (var email : new String[] {"not-an-email", "a@b", "a b@example.org", "@example.org", "a@@example.org"}) {
            assertThat(missing(with(birth(), 8, Optional.of(email)), TODAY)).as(email)
                    .containsExactly("informant.registrationEmail (not an email address)");
        }
        for (var phone : new String[] {"12", "0612345678", "07123", "+0123456789", "0912345678x"}) {
            assertThat(missing(with(birth(), 9, Optional.of(phone)), TODAY)).as(phone)
                    .containsExactly("informant.registrationPhone (not a phone number)");
        }
        for (var phone : new String[] {"0912345678", "0712345678", "+260759205190"}) {
            assertThat(missing(with(birth(), 9, Optional.of(phone)), TODAY)).as(phone).isEmpty();
        }
    }

    @Test
    void missingWhenMotherNotBornBeforeChildOrDeathBeforeBirthThenSaysSo() {
        var child = birth().eventDate().orElseThrow();
        assertThat(missing(with(birth(), 11, Optional.of(child)), TODAY))
                .containsExactly("mother.birthDate (not before the child's)");
        assertThat(missing(with(birth(), 11, Optional.of(child.plusYears(1))), TODAY))
                .containsExactly("mother.birthDate (not before the child's)");
        assertThat(missing(with(birth(), 11, Optional.of(child.minusDays(1))), TODAY)).isEmpty();
        var death = death().eventDate().orElseThrow();
        assertThat(missing(with(death(), 12, Optional.of(death.plusDays(1))), TODAY))
                .containsExactly("deceased.birthDate (after the date of death)");
        assertThat(missing(with(death(), 12, Optional.of(death)), TODAY)).as("died on the day of birth").isEmpty();
    }

    @Test
    void missingWhenLateReasonLongerThanTheFormAllowsThenSaysSo() {
        assertThat(missing(with(birth(), 10, Optional.of("x".repeat(250))), TODAY)).isEmpty();
        assertThat(missing(with(birth(), 10, Optional.of("x".repeat(251))), TODAY))
                .containsExactly("reasonForLateRegistration (longer than 250 characters)");
    }

    @Test
    void missingWhenEventDateTodayThenCompleteAndTomorrowThenInTheFuture() {
        assertThat(missing(with(birth(), 4, Optional.of(TODAY)), TODAY)).isEmpty();
        assertThat(missing(with(birth(), 4, Optional.of(TODAY.plusDays(1))), TODAY))
                .containsExactly("child.birthDate (in the future)");
        assertThat(missing(with(death(), 4, Optional.of(TODAY.plusYears(1))), TODAY))
                .containsExactly("deathEvent.deathDate (in the future)");
    }

    @Test
    void missingWhenEverythingAbsentThenEveryItemInFormOrder() {
        var empty = new Declaration(EventType.BIRTH, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(missing(empty, TODAY)).containsExactly("child.firstNames", "child.familyName",
                "child.gender", "child.birthDate", "child.placeOfBirth", "informant.informantType", "mother.name",
                "informant.registrationEmail");
    }

    @Test
    void missingWhenLateReasonAbsentThenStillComplete() {
        var old = with(birth(), 4, Optional.of(TODAY.minusYears(3)));

        assertThat(missing(old, TODAY)).isEmpty();
    }

    @Test
    void subjectNameWhenPartsPresentThenJoinedAndWhenNoneThenEmpty() {
        assertThat(birth().subjectName()).hasValue("Chanda Mulenga");
        assertThat(with(birth(), 1, Optional.empty()).subjectName()).hasValue("Mulenga");
        assertThat(with(with(birth(), 1, Optional.empty()), 2, Optional.empty()).subjectName()).isEmpty();
    }
}
