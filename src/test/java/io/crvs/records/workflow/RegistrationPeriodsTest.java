package io.crvs.records.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.records.EventType;
import io.crvs.records.workflow.RegistrationPeriods.Timeliness;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registration periods of functional spec §8 at their boundaries: a birth is on time up to day 30, late from day
 * 31 to day 365 and delayed from day 366; a death is on time up to day 45 and delayed from day 46.
 */
class RegistrationPeriodsTest {
    private static final LocalDate REGISTERED = LocalDate.of(2025, 6, 15);

    @ParameterizedTest(name = "birth {0} days before registration: {1}")
    @CsvSource({"0,ON_TIME", "1,ON_TIME", "29,ON_TIME", "30,ON_TIME", "31,LATE", "32,LATE", "200,LATE", "364,LATE",
            "365,LATE", "366,DELAYED", "367,DELAYED", "3650,DELAYED", "36500,DELAYED"})
    void classifyWhenBirthThatManyDaysBeforeThenOnTimeLateOrDelayed(int days, Timeliness expected) {
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, REGISTERED.minusDays(days), REGISTERED)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "death {0} days before registration: {1}")
    @CsvSource({"0,ON_TIME", "1,ON_TIME", "44,ON_TIME", "45,ON_TIME", "46,DELAYED", "47,DELAYED", "365,DELAYED",
            "366,DELAYED", "36500,DELAYED"})
    void classifyWhenDeathThatManyDaysBeforeThenOnTimeOrDelayedNeverLate(int days, Timeliness expected) {
        assertThat(RegistrationPeriods.classify(EventType.DEATH, REGISTERED.minusDays(days), REGISTERED)).isEqualTo(expected);
    }

    @Test
    void classifyWhenLeapYearThenCountsCalendarDays() {
        // 2024-01-31 to 2024-03-01 is 30 days in a leap year, 29 of them in February.
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1)))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, LocalDate.of(2024, 1, 30), LocalDate.of(2024, 3, 1)))
                .isEqualTo(Timeliness.LATE);
        // 2024-03-01 to 2025-03-01 is 365 days; the leap day 2024-02-29 lies before.
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1)))
                .isEqualTo(Timeliness.LATE);
        // 2023-03-01 to 2024-03-01 spans 2024-02-29: 366 days.
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, LocalDate.of(2023, 3, 1), LocalDate.of(2024, 3, 1)))
                .isEqualTo(Timeliness.DELAYED);
    }

    @Test
    void classifyWhenEventAfterRegistrationDateThenOnTime() {
        assertThat(RegistrationPeriods.classify(EventType.BIRTH, REGISTERED.plusDays(1), REGISTERED)).isEqualTo(Timeliness.ON_TIME);
        assertThat(RegistrationPeriods.classify(EventType.DEATH, REGISTERED.plusDays(1), REGISTERED)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void needsReasonWhenNotOnTimeThenTrue() {
        assertThat(Timeliness.ON_TIME.needsReason()).isFalse();
        assertThat(Timeliness.LATE.needsReason()).isTrue();
        assertThat(Timeliness.DELAYED.needsReason()).isTrue();
    }
}
