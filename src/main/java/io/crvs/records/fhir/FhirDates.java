package io.crvs.records.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** FHIR {@code date} and {@code dateTime} values (partial dates allowed), read for the rules that need a day. */
final class FhirDates {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private FhirDates() {
    }

    /** True when {@code value} is a valid FHIR date or dateTime (a partial date such as 2020-05 counts). */
    static boolean isValid(String value) {
        if (DATE.matcher(value).matches()) {
            return parseDay(value).isPresent() || value.length() < 10 && monthValid(value);
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The day, when {@code value} names one (YYYY-MM-DD or a dateTime); empty for partial dates. */
    static Optional<LocalDate> day(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() == 10) {
            return parseDay(value);
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDay(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean monthValid(String value) {
        if (value.length() == 4) {
            return true;
        }
        int month = Integer.parseInt(value.substring(5, 7));
        return month >= 1 && month <= 12;
    }
}
