package io.crvs.users;

import java.util.Locale;

/** OpenCRVS user statuses: pending until onboarding is done; deactivated and disabled users cannot log in. */
public enum UserStatus {
    PENDING, ACTIVE, DEACTIVATED, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
