package io.crvs.records.workflow;

import io.crvs.records.EventType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Registration periods of functional spec §8 (Farajaland defaults): a birth is registered on time within 30 days,
 * late up to 365 days, delayed after; a death on time within 45 days, delayed after. Boundaries are inclusive.
 * A late or delayed registration needs a reason.
 */
public final class RegistrationPeriods {
    static final int BIRTH_TARGET_DAYS = 30;
    static final int BIRTH_LATE_TARGET_DAYS = 365;
    static final int DEATH_TARGET_DAYS = 45;

    private RegistrationPeriods() {
    }

    /** How timely a registration is. */
    public enum Timeliness {
        ON_TIME, LATE, DELAYED;

        public boolean needsReason() {
            return this != ON_TIME;
        }
    }

    public static Timeliness classify(EventType event, LocalDate eventDate, LocalDate registrationDate) {
        long days = ChronoUnit.DAYS.between(eventDate, registrationDate);
        if (event == EventType.BIRTH) {
            if (days <= BIRTH_TARGET_DAYS) {
                return Timeliness.ON_TIME;
            }
            return days <= BIRTH_LATE_TARGET_DAYS ? Timeliness.LATE : Timeliness.DELAYED;
        }
        return days <= DEATH_TARGET_DAYS ? Timeliness.ON_TIME : Timeliness.DELAYED;
    }
}
