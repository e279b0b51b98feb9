package io.crvs.records.usecase;

import io.crvs.records.EventType;
import java.security.SecureRandom;

/** OpenCRVS tracking ids: B or D and six random upper-case letters and digits (functional spec §7). */
final class TrackingIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingIds() {
    }

    static String next(EventType event) {
        var id = new StringBuilder(event.trackingPrefix());
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
