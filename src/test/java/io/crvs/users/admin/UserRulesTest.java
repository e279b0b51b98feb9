package io.crvs.users.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.platform.problem.ProblemException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.users.SystemRole;
import io.crvs.users.UserDraft;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * OpenCRVS's username rule (functional spec §7): the initials of every given name, a dot, the family name with
 * spaces as dashes, lower case, padded to at least three characters; crvs also drops accents and anything outside
 * {@code [a-z0-9.-]}. And the validation of user details that feeds it.
 */
class UserRulesTest {
    private static final Pattern PHONE = Pattern.compile("^0(7|9)[0-9]{8}$");
    private static final RoleTitles TITLES = RoleTitles.farajaland();

    @Test
    void baseUsernameWhenSeveralGivenNamesThenAllInitialsDotFamilyName() {
        assertThat(UserRules.baseUsername(List.of("Ada", "Mary"), "Lovelace")).isEqualTo("am.lovelace");
        assertThat(UserRules.baseUsername(List.of("Jane"), "Smith")).isEqualTo("j.smith");
        assertThat(UserRules.baseUsername(List.of("Kalusha"), "Bwalya")).isEqualTo("k.bwalya");
        assertThat(UserRules.baseUsername(List.of("Anna", "Maria", "Chanda"), "Phiri")).isEqualTo("amc.phiri");
    }

    @Test
    void baseUsernameWhenUpperCaseThenLowerCase() {
        assertThat(UserRules.baseUsername(List.of("ADA", "mARY"), "LOVELACE")).isEqualTo("am.lovelace");
    }

    @Test
    void baseUsernameWhenAccentsThenDropped() {
        assertThat(UserRules.baseUsername(List.of("Élodie"), "Ngoné")).isEqualTo("e.ngone");
        assertThat(UserRules.baseUsername(List.of("Ñusta", "Örjan"), "Müller-Çelik")).isEqualTo("no.muller-celik");
        assertThat(UserRules.baseUsername(List.of("Zoë"), "Brontë")).isEqualTo("z.bronte");
    }

    @Test
    void baseUsernameWhenFamilyNameHasSpacesThenDashes() {
        assertThat(UserRules.baseUsername(List.of("Jan"), "van der Berg")).isEqualTo("j.van-der-berg");
        assertThat(UserRules.baseUsername(List.of("Mwila"), "Mbuyi Kasongo")).isEqualTo("m.mbuyi-kasongo");
    }

    @Test
    void baseUsernameWhenPunctuationThenDropped() {
        assertThat(UserRules.baseUsername(List.of("Seán"), "O'Brien")).isEqualTo("s.obrien");
        assertThat(UserRules.baseUsername(List.of("Jean-Paul"), "Mutale")).isEqualTo("j.mutale");
    }

    @Test
    void baseUsernameWhenShorterThanThreeCharactersThenPaddedWithZeros() {
        assertThat(UserRules.baseUsername(List.of("A"), "B")).isEqualTo("a.b");
        assertThat(UserRules.baseUsername(List.of("X"), "?")).isEqualTo("x.0");
        assertThat(UserRules.baseUsername(List.of("Ö"), "!!")).isEqualTo("o.0");
        assertThat(UserRules.baseUsername(List.of("李"), "王")).isEqualTo("李.王");
        assertThat(UserRules.baseUsername(List.of("李"), "?")).isEqualTo("李.0");
    }

    @Test
    void baseUsernameWhenVeryLongThenAtMostSixtyCharacters() {
        var name = UserRules.baseUsername(List.of("Ada"), "l".repeat(100));
        assertThat(name).hasSize(60).startsWith("a.lll");
    }

    @Test
    void baseUsernameWhenNoLatinLettersThenLettersOfTheNameKeptAsOpenCrvsDoes() {
        assertThat(UserRules.baseUsername(List.of("Иван"), "Петров")).isEqualTo("и.петров");
        assertThat(UserRules.baseUsername(List.of("Μαρία"), "Παπαδοπούλου")).isEqualTo("μ.παπαδοπουλου");
    }

    @Property
    void baseUsernameIsAlwaysThreeToSixtyCharactersOfLowerCaseLettersDigitsDotsAndDashes(
            @ForAll @Size(min = 1, max = 5) List<@NotBlank String> givenNames, @ForAll @NotBlank String familyName) {
        var name = UserRules.baseUsername(givenNames.stream().map(String::strip).toList(), familyName.strip());
        assertThat(name).matches("[\\p{L}\\p{N}.-]{3,60}");
        assertThat(name).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        assertThat(UserRules.baseUsername(givenNames.stream().map(String::strip).toList(), familyName.strip()))
                .isEqualTo(name);
    }

    // ---- validation of a draft -------------------------------------------------------------------------------

    private static UserDraft draft(List<String> given, String family, String role, String title, String mobile, String email) {
        return new UserDraft(given, family, role, Optional.ofNullable(title), "JWMRGwDBXK", Optional.ofNullable(mobile),
                Optional.ofNullable(email), Optional.empty(), Optional.empty());
    }

    private static List<String> fields(Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(ProblemException.FieldError::field).toList();
        }
        throw new AssertionError("Expected a validation error");
    }

    @Test
    void checkWhenValidThenTrimmedLowerCaseEmailAndDefaultTitleAndLanguage() {
        var checked = UserRules.check(draft(List.of(" Ada ", "", "Mary"), " Lovelace ", "field_agent", null, " 0971234567 ",
                " Ada@Example.ORG "), TITLES, PHONE);
        assertThat(checked.givenNames()).containsExactly("Ada", "Mary");
        assertThat(checked.familyName()).isEqualTo("Lovelace");
        assertThat(checked.role()).isEqualTo(SystemRole.FIELD_AGENT);
        assertThat(checked.title()).isEqualTo("Field Agent");
        assertThat(checked.mobile()).hasValue("0971234567");
        assertThat(checked.email()).hasValue("ada@example.org");
        assertThat(checked.language()).isEqualTo("en");
    }

    @Test
    void checkWhenTitleInOtherCaseThenCountrySpelling() {
        var checked = UserRules.check(draft(List.of("Ada"), "Lovelace", "FIELD_AGENT", "sOCIAL wORKER", "0971234567", null),
                TITLES, PHONE);
        assertThat(checked.title()).isEqualTo("Social Worker");
    }

    @Test
    void checkWhenSeveralFieldsInvalidThenEveryOneNamed() {
        assertThat(fields(() -> UserRules.check(draft(List.of(), " ", "KING", null, "123", "nope"), TITLES, PHONE)))
                .contains("givenNames", "familyName", "systemRole", "mobile", "email");
        assertThat(fields(() -> UserRules.check(draft(List.of("Ada"), "Lovelace", "FIELD_AGENT", "Local Registrar",
                "0971234567", null), TITLES, PHONE))).containsExactly("role");
        assertThat(fields(() -> UserRules.check(draft(List.of("Ada"), "Lovelace", "FIELD_AGENT", null, null, null),
                TITLES, PHONE))).isNotEmpty();
        assertThat(fields(() -> UserRules.check(draft(List.of("Ada"), "Love\nlace", "FIELD_AGENT", null, "0971234567",
                null), TITLES, PHONE))).containsExactly("familyName");
    }

    @Test
    void checkWhenGivenNameHoldsSpacesThenSeveralGivenNamesAsOpenCrvsGatewaySplitsThem() {
        var checked = UserRules.check(draft(List.of("Mary  Ann", "Chanda"), "Phiri", "FIELD_AGENT", null, "0971234567", null),
                TITLES, PHONE);
        assertThat(checked.givenNames()).containsExactly("Mary", "Ann", "Chanda");
        assertThat(UserRules.baseUsername(checked.givenNames(), checked.familyName())).isEqualTo("mac.phiri");
    }

    @Test
    void checkWhenGivenNamesTooLongTogetherOrNullOrControlThenRefused() {
        var hundred = "n".repeat(100);
        assertThat(fields(() -> UserRules.check(draft(List.of(hundred, hundred, hundred), "Lovelace", "FIELD_AGENT", null,
                "0971234567", null), TITLES, PHONE))).containsExactly("givenNames");
        var justFits = List.of(hundred, "m".repeat(99));
        assertThat(UserRules.check(draft(justFits, "Lovelace", "FIELD_AGENT", null, "0971234567", null), TITLES, PHONE)
                .givenNames()).isEqualTo(justFits);
        assertThat(fields(() -> UserRules.check(draft(java.util.Arrays.asList("Ada", null), "Lovelace", "FIELD_AGENT", null,
                "0971234567", null), TITLES, PHONE))).containsExactly("givenNames");
        assertThat(fields(() -> UserRules.check(draft(List.of("Ada\nMary"), "Lovelace", "FIELD_AGENT", null,
                "0971234567", null), TITLES, PHONE))).containsExactly("givenNames");
        assertThat(fields(() -> UserRules.check(draft(List.of("n".repeat(101)), "Lovelace", "FIELD_AGENT", null,
                "0971234567", null), TITLES, PHONE))).containsExactly("givenNames");
    }
}
