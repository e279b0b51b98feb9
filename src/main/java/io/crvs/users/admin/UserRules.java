package io.crvs.users.admin;

import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.ValidationException;
import io.crvs.users.SystemRole;
import io.crvs.users.UserDraft;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Validation of user details and OpenCRVS's username rule, in plain Java. */
final class UserRules {
    static final Set<String> LANGUAGES = Set.of("en", "fr");
    /**
     * An address the SMTP sender accepts (RFC 5322 dot-atoms, as Jakarta Mail checks them strictly): a local part
     * of at most 64 characters without specials or empty dot-separated parts, and a domain of two or more labels.
     */
    private static final Pattern EMAIL = Pattern.compile("(?=[^@]{1,64}@)"
            + "[^\\s\\p{Cntrl}()<>,;:\"\\[\\]@\\\\.]+(?:\\.[^\\s\\p{Cntrl}()<>,;:\"\\[\\]@\\\\.]+)*"
            + "@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** The width of the {@code users.given_names} column, which holds the given names joined by spaces. */
    static final int MAX_GIVEN_NAMES = 200;
    private static final Pattern NATIONAL_ID = Pattern.compile("[0-9A-Za-z-]{1,32}");

    private UserRules() {
    }

    /** A draft with trimmed values, its role and title resolved, or a 400 listing every invalid field. */
    static Checked check(UserDraft draft, RoleTitles titles, Pattern phone) {
        var errors = new ArrayList<FieldError>();
        // As OpenCRVS's gateway does, a given name with spaces is several given names ("Mary Ann" -> Mary, Ann):
        // that is how they are stored and read back, and each has its initial in the username.
        var given = draft.givenNames().stream().filter(Objects::nonNull)
                .flatMap(n -> Arrays.stream(n.strip().split(" +"))).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty() || draft.givenNames().stream().anyMatch(n -> n == null || hasControl(n))
                || given.stream().anyMatch(n -> n.length() > 100) || String.join(" ", given).length() > MAX_GIVEN_NAMES) {
            errors.add(new FieldError("givenNames", "at least one given name is required; each at most 100 characters, "
                    + "all together at most " + MAX_GIVEN_NAMES));
        }
        var family = draft.familyName() == null ? "" : draft.familyName().strip();
        if (family.isEmpty() || family.length() > 100 || hasControl(family)) {
            errors.add(new FieldError("familyName", "is required, at most 100 characters"));
        }
        var role = SystemRole.parse(draft.systemRole());
        if (role.isEmpty()) {
            errors.add(new FieldError("systemRole", "must be one of " + List.of(SystemRole.values())));
        }
        var title = role.map(r -> draft.roleTitle().filter(t -> !t.isBlank()).map(t -> titles.find(r, t))
                .orElse(Optional.of(titles.defaultTitle(r))));
        if (role.isPresent() && title.orElseThrow().isEmpty()) {
            errors.add(new FieldError("role", "must be one of " + titles.titles(role.get())));
        }
        var mobile = clean(draft.mobile());
        mobile.filter(Predicate.not(m -> phone.matcher(m).matches()))
                .ifPresent(m -> errors.add(new FieldError("mobile", "must match " + phone.pattern())));
        var email = clean(draft.email()).map(e -> e.toLowerCase(Locale.ROOT));
        email.filter(e -> e.length() > 254 || !EMAIL.matcher(e).matches())
                .ifPresent(e -> errors.add(new FieldError("email", "is not an email address")));
        if (mobile.isEmpty() && email.isEmpty()) {
            errors.add(new FieldError("email", "an email address or a mobile number is required to reach the user"));
        }
        var nationalId = clean(draft.nationalId());
        nationalId.filter(n -> !NATIONAL_ID.matcher(n).matches())
                .ifPresent(n -> errors.add(new FieldError("nationalId", "must be letters, digits or '-', at most 32")));
        var language = clean(draft.language()).orElse("en").toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "must be one of " + LANGUAGES));
        }
        var office = draft.primaryOfficeId() == null ? "" : draft.primaryOfficeId().strip();
        if (office.isEmpty()) {
            errors.add(new FieldError("primaryOfficeId", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked(given, family, role.orElseThrow(), title.orElseThrow().orElseThrow(), office, mobile, email,
                nationalId, language);
    }

    /** A validated draft. */
    record Checked(List<String> givenNames, String familyName, SystemRole role, String title, String officeId,
            Optional<String> mobile, Optional<String> email, Optional<String> nationalId, String language) {
    }

    /**
     * OpenCRVS's username: the initials of every given name, a dot, the family name with spaces as dashes; lower
     * case, accents dropped, at least three characters. The caller appends 1, 2, … when it is taken.
     */
    static String baseUsername(List<String> givenNames, String familyName) {
        var initials = new StringBuilder();
        givenNames.forEach(n -> ascii(n).codePoints().findFirst().ifPresent(initials::appendCodePoint));
        // Letters of any script stay (OpenCRVS keeps them): a name without Latin letters still gives a username.
        var base = (initials + "." + ascii(familyName).replace(' ', '-')).replaceAll("[^\\p{L}\\p{N}.-]", "");
        while (base.codePointCount(0, base.length()) < 3) {
            base = base + "0";
        }
        return base.codePointCount(0, base.length()) > 60 ? base.substring(0, base.offsetByCodePoints(0, 60)) : base;
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }

    private static Optional<String> clean(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean hasControl(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }
}
