package io.crvs.records.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ISO 8601 check of {@code meta.lastUpdated}; each accepted value was checked against Joi 17's date().iso(). */
class FhirDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022", "2022-08", "2022-08-14", "2024-02-29", "2022-08-14T14:43", "2022-08-14T14:43Z",
            "2022-08-14T14:43:47", "2022-08-14T14:43:47.5", "2022-08-14T14:43:47.000Z", "2022-08-14T14:43:47.123456+02:00",
            "2022-08-14T14:43:47-0530", "2022-08-14T00:00:00+23:59", "2022-08-14T24:00", "2022-08-14T24:00Z"})
    void isIsoDateWhenAFormJoiAcceptsThenTrue(String value) {
        assertThat(FhirDates.isIsoDate(value)).isTrue();
    }

    /** Joi refuses all of these too, except the last three, which it lets through and crvs does not. */
    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "14/08/2022", "20220814", "2022-W33", "2022-8-14", "2022-13", "2022-08-00",
            "2022-13-01", "2022-08-14T", "2022-08-14T14", "2022-08-14T25:00Z", "2022-08-14T24:30", "2022-08-14T24:00:00",
            "2022-08-14T14:43:60Z", "2022-08-14T14:43:47+02", "2022-08-14T14:43:47+24:00", "2022-08-14t14:43Z",
            "2022-08-14T14:43:47,5Z", "2022-08-14Z", " 2022-08-14", "2022-08-14 14:43:47", "+002022-08-14", "2023-02-29"})
    void isIsoDateWhenNotIsoOrNoSuchDayThenFalse(String value) {
        assertThat(FhirDates.isIsoDate(value)).isFalse();
    }
}
