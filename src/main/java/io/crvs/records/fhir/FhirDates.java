package io.crvs.records.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FHIR {@code date} and {@code dateTime} values (partial dates allowed), read for the rules that need a day, and
 * the ISO 8601 dates OpenCRVS's Joi schema takes for {@code Bundle.meta.lastUpdated}.
 */
final class FhirDates {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    /** The time after a full date: hh:mm, seconds and a fraction optional (or 24:00), then Z, ±hh:mm, ±hhmm or no zone. */
    private static final Pattern ISO_TIME = Pattern.compile("T(([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?"
            + "|24:00)(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?");

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

    /**
     * True for the ISO 8601 forms Joi's {@code date().iso()} takes: a date (2022, 2022-08, 2022-08-14), or a full
     * date with a time as {@link #ISO_TIME} has it. Of what Joi also lets through, crvs refuses a space instead of
     * the T, expanded years (+002022) and days that do not exist (JavaScript rolls 2022-02-30 over into March).
     */
    static boolean isIsoDate(String value) {
        int t = value.indexOf('T');
        if (t < 0) {
            return DATE.matcher(value).matches() && isValid(value);
        }
        return t == 10 && isValid(value.substring(0, t)) && ISO_TIME.matcher(value.substring(t)).matches();
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
