package io.crvs.testkit;

import java.util.Map;

/**
 * Low thresholds for crvs's brute-force throttle, so that a test reaches a lock in a few requests. Client
 * authentication ({@code /token}) and staff login ({@code /authenticate}) are throttled by the same settings, so
 * their contracts share these numbers.
 */
public final class LowThrottle {
    /** Failures of one client or username from one address before that pair is locked. */
    public static final int PAIR_FAILURES = 3;
    /** Failures from one address, whoever for, before the address is locked. */
    public static final int ADDRESS_FAILURES = 6;
    /** Failures for one client or username, from anywhere, before new addresses are locked out of it. */
    public static final int ACCOUNT_FAILURES = 8;
    public static final int FIRST_LOCK_SECONDS = 30;

    private LowThrottle() {
    }

    public static Map<String, String> environment() {
        return Map.of("CRVS_THROTTLE_CLIENT_FAILURES", Integer.toString(PAIR_FAILURES),
                "CRVS_THROTTLE_ADDRESS_FAILURES", Integer.toString(ADDRESS_FAILURES),
                "CRVS_THROTTLE_ACCOUNT_FAILURES", Integer.toString(ACCOUNT_FAILURES),
                "CRVS_THROTTLE_FIRST_LOCK_SECONDS", Integer.toString(FIRST_LOCK_SECONDS));
    }
}
