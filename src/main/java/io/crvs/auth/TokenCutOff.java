package io.crvs.auth;

import java.time.Instant;

/**
 * The earliest {@code iat} second a subject's tokens may carry after its credentials or rights change. Tokens
 * are stamped with whole seconds, so the cut-off is the next second; and it always moves past the previous
 * cut-off, because tokens issued after an earlier change in the same second carry that earlier cut-off as their
 * {@code iat} and must be refused as well. The issuer never stamps a token before its subject's cut-off.
 */
public final class TokenCutOff {
    private TokenCutOff() {
    }

    public static long after(long previousCutOff, Instant now) {
        return Math.max(now.getEpochSecond(), previousCutOff) + 1;
    }
}
