package io.crvs.platform.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Unguessable identifiers and secrets from the platform's CSPRNG. Thread-safe. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    public static byte[] bytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code count} random bytes as unpadded base64url: 32 bytes give a 43-character, 256-bit secret. */
    public static String base64url(int count) {
        return BASE64URL.encodeToString(bytes(count));
    }

    /**
     * A 24-hex-digit identifier shaped like the MongoDB ObjectId OpenCRVS uses as a JWT {@code sub}: four bytes
     * of creation time (seconds) and eight random bytes, so ids sort roughly by age and cannot be guessed.
     */
    public static String objectId(long epochSecond) {
        var bytes = new byte[12];
        var random = bytes(8);
        bytes[0] = (byte) (epochSecond >>> 24);
        bytes[1] = (byte) (epochSecond >>> 16);
        bytes[2] = (byte) (epochSecond >>> 8);
        bytes[3] = (byte) epochSecond;
        System.arraycopy(random, 0, bytes, 4, 8);
        return HexFormat.of().formatHex(bytes);
    }

    /** A random (version 4) UUID in lower case, the shape OpenCRVS gives a {@code client_id}. */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
