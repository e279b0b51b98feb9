package io.crvs.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts small secrets at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce, and the caller's
 * context (for example the owning row's id) is bound as associated data, so a ciphertext copied to another row
 * does not decrypt. Stored form: {@code v1:} + base64(nonce || ciphertext || tag). Thread-safe.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    public String seal(String plaintext, String context) {
        try {
            var nonce = RandomTokens.bytes(NONCE_BYTES);
            var cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value made by {@link #seal}; fails if it was altered, moved to another context or made with another key. */
    public String open(String stored, String context) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown secret format");
        }
        try {
            var bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            var nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
            var cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            var plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored secret cannot be decrypted with this server key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
