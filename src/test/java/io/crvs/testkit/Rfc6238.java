package io.crvs.testkit;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app, written from RFC 6238 and RFC 4226 alone (HMAC-SHA1, 30-second steps, dynamic
 * truncation) and RFC 4648 base32, independently of crvs's own code: tests compute TOTP codes with it.
 */
public final class Rfc6238 {
    public static final long STEP_SECONDS = 30;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Rfc6238() {
    }

    /** RFC 4648 §6 base32, padding optional, case-insensitive. */
    public static byte[] base32(String text) {
        var clean = text.replace("=", "").toUpperCase(Locale.ROOT);
        var out = new byte[clean.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : clean.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[at++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /** RFC 4648 §6 base32 without padding. */
    public static String base32(byte[] bytes) {
        var out = new StringBuilder();
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((int) (buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((int) (buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** RFC 4226 HOTP with {@code digits} digits for counter {@code counter}. */
    public static String hotp(byte[] key, long counter, int digits) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[19] & 0xf;
            long binary = ((hash[offset] & 0x7fL) << 24) | ((hash[offset + 1] & 0xffL) << 16)
                    | ((hash[offset + 2] & 0xffL) << 8) | (hash[offset + 3] & 0xffL);
            long modulus = (long) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The six-digit code an authenticator app shows at {@code at} for a base32 secret. */
    public static String code(String base32Secret, Instant at) {
        return hotp(base32(base32Secret), step(at), 6);
    }

    /** The six-digit code for time step {@code step}. */
    public static String codeAtStep(String base32Secret, long step) {
        return hotp(base32(base32Secret), step, 6);
    }
}
