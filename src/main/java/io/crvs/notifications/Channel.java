package io.crvs.notifications;

/** How a person is reached. */
public enum Channel {
    EMAIL, SMS;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
