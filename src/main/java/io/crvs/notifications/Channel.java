package io.crvs.notifications;

import java.util.Locale;

/** How a person is reached. */
public enum Channel {
    EMAIL, SMS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
