package io.crvs.users.login;

import io.crvs.platform.crypto.RandomTokens;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as Google Authenticator and
 * similar apps generate them. A code is accepted for the current step and one step either side; the caller
 * records the step used so a code cannot be replayed.
 */
public final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final Base32 BASE32 = new Base32();

    private Totp() {
    }

    /** A new 160-bit secret, base32 without padding (what authenticator apps expect). */
    public static String newSecret() {
        return BASE32.encodeToString(RandomTokens.bytes(20)).replace("=", "");
    }

    /** The {@code otpauth://} URI to show as a QR code. */
    public static String uri(String issuer, String account, String secret) {
        var label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** The step at which {@code code} is valid around {@code now}, if any. */
    public static OptionalLong matchingStep(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP_SECONDS;
        var expected = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), expected) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    /** The code for one time step (RFC 4226 dynamic truncation). */
    public static String codeAt(String secret, long step) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(BASE32.decode(secret), "HmacSHA1"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
