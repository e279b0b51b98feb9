package io.crvs.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server's own 256-bit master key, from which purpose-bound keys are derived with HKDF-SHA256 (RFC 5869).
 * It peppers secret hashes and encrypts secrets that must be revealed again, so it lives outside the database:
 * a file in the data folder with owner-only permissions, created on first use. Nodes that share one database
 * must share this file. Immutable and thread-safe.
 */
public final class ServerKey {
    private static final int KEY_BYTES = 32;
    private final byte[] master;

    private ServerKey(byte[] master) {
        this.master = master;
    }

    /** Loads the key file, creating it (and its folder) with owner-only permissions when it does not exist. */
    public static ServerKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                var encoded = Base64.getEncoder().encodeToString(RandomTokens.bytes(KEY_BYTES)) + "\n";
                OwnerOnlyFiles.writeNew(file, encoded.getBytes(StandardCharsets.US_ASCII));
            }
            var text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] master;
            try {
                master = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Server key file " + file + " is not base64");
            }
            if (master.length != KEY_BYTES) {
                throw new IllegalStateException("Server key file " + file + " must hold 32 bytes, holds " + master.length);
            }
            return new ServerKey(master);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create server key file " + file, e);
        }
    }

    public static ServerKey of(byte[] master) {
        if (master.length != KEY_BYTES) {
            throw new IllegalArgumentException("A server key has 32 bytes");
        }
        return new ServerKey(master.clone());
    }

    /** A 256-bit key bound to {@code purpose}; different purposes give independent keys. */
    public SecretKey derive(String purpose, String algorithm) {
        var hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, purpose.getBytes(StandardCharsets.UTF_8)));
        var out = new byte[KEY_BYTES];
        hkdf.generateBytes(out, 0, out.length);
        return new SecretKeySpec(out, algorithm);
    }
}
