package io.crvs.users.password;

import io.crvs.platform.crypto.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (RFC 9106) with BouncyCastle, stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} so that parameters can be raised later and old
 * hashes still verify ({@link #needsRehash}). Hashing is memory-hard and slow on purpose, so it runs on a pool
 * with one platform thread per core: a burst of logins queues instead of starving every other request.
 * Thread-safe.
 */
public final class PasswordHasher implements AutoCloseable {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final ExecutorService pool;
    /** Made on first use: an Argon2id hash at start-up would cost every start tens of milliseconds. */
    private volatile String dummyHash;

    public PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("crvs-password-", 0).daemon(true).factory());
    }

    /** A new PHC string for {@code password} with the current parameters. */
    public String hash(String password) {
        return onPool(() -> compute(password, RandomTokens.bytes(SALT_BYTES), memoryKib, iterations));
    }

    /** Constant-time check; an unparsable stored value never matches. */
    public boolean verify(String stored, String password) {
        var matcher = PHC.matcher(stored);
        if (!matcher.matches()) {
            return false;
        }
        int m = Integer.parseInt(matcher.group(1));
        int t = Integer.parseInt(matcher.group(2));
        var salt = B64D.decode(matcher.group(4));
        var expected = B64D.decode(matcher.group(5));
        var actual = onPool(() -> raw(password, salt, m, t, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    /** The same work as {@link #verify} for a user who does not exist; always false. */
    public boolean verifyDummy(String password) {
        var dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not a password " + RandomTokens.base64url(16));
            dummyHash = dummy;
        }
        verify(dummy, password);
        return false;
    }

    /** True when {@code stored} was made with weaker parameters than the current ones. */
    public boolean needsRehash(String stored) {
        var matcher = PHC.matcher(stored);
        return !matcher.matches() || Integer.parseInt(matcher.group(1)) < memoryKib
                || Integer.parseInt(matcher.group(2)) < iterations;
    }

    public String parameters() {
        return "Argon2id m=" + memoryKib + " KiB, t=" + iterations + ", p=1";
    }

    private static String compute(String password, byte[] salt, int memory, int passes) {
        var hash = raw(password, salt, memory, passes, HASH_BYTES);
        return "$argon2id$v=19$m=" + memory + ",t=" + passes + ",p=1$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    private static byte[] raw(String password, byte[] salt, int memory, int passes, int length) {
        var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(passes).withParallelism(1).withSalt(salt).build();
        var generator = new Argon2BytesGenerator();
        generator.init(params);
        var out = new byte[length];
        var bytes = password.getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(Arrays.copyOf(bytes, Math.min(bytes.length, 1024)), out);
        return out;
    }

    private <T> T onPool(Callable<T> work) {
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
