package io.crvs.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.crvs.platform.crypto.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign and verify tokens. Either generated keys kept in {@code <keys>/signing/} as
 * {@code <epoch-second>-<kid>.pem} (owner-only), the newest signing and older ones verifying until every token
 * they signed has expired; or one key pair from PEM files ({@code CERT_PRIVATE_KEY_PATH}), as OpenCRVS deploys
 * them. Another process (the {@code keys rotate} command) may add keys: {@link #reloadIfChanged} picks them up.
 * Thread-safe: readers see an immutable snapshot.
 */
public final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Pattern FILE = Pattern.compile("(\\d{1,12})-([A-Za-z0-9_-]{43})\\.pem");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final Source source;
    private final CryptoProvider crypto;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private SigningKeys(Source source, CryptoProvider crypto, Clock clock) {
        this.source = source;
        this.crypto = crypto;
        this.clock = clock;
        this.snapshot = load();
    }

    /** Keys generated and kept in {@code folder}; creates the first one when there is none. */
    public static SigningKeys inFolder(Path folder, int bits, Duration maxTokenTtl, CryptoProvider crypto, Clock clock) {
        var source = new Source.Folder(folder.resolve("signing"), bits, maxTokenTtl.plus(SKEW));
        if (listFiles(source.folder()).isEmpty()) {
            generate(source, clock.instant());
        }
        return new SigningKeys(source, crypto, clock);
    }

    /** One key pair from PEM files; the public file, when given, must match the private key. */
    public static SigningKeys fromPem(Path privateKey, Optional<Path> publicKey, CryptoProvider crypto, Clock clock) {
        return new SigningKeys(new Source.Pem(privateKey, publicKey), crypto, clock);
    }

    public SigningKey current() {
        return snapshot.current();
    }

    public Optional<SigningKey> find(String kid) {
        return Optional.ofNullable(snapshot.byKid().get(kid));
    }

    /** Every key that may verify a token now, newest first. */
    public List<SigningKey> verificationKeys() {
        return List.copyOf(snapshot.byKid().values());
    }

    /** The public JWK Set (RFC 7517): only public members, each with {@code kid}, {@code use=sig}, {@code alg=RS256}. */
    public JWKSet publicJwkSet() {
        return snapshot.jwks();
    }

    public String currentPublicPem() {
        return PemFiles.publicPem(current().publicKey());
    }

    public String providerName() {
        return crypto.name();
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    /** Re-reads the key folder if its files changed; returns true when the key set changed. */
    public synchronized boolean reloadIfChanged() {
        if (!(source instanceof Source.Folder folder)) {
            return false;
        }
        if (listFiles(folder.folder()).equals(snapshot.files())) {
            return false;
        }
        var previous = snapshot.current().kid();
        snapshot = load();
        if (!previous.equals(snapshot.current().kid())) {
            LOG.info("Signing key changed from {} to {}", previous, snapshot.current().kid());
        }
        return true;
    }

    /**
     * Adds a new signing key (folder mode only) and forgets keys whose last token has expired. The old current key
     * keeps verifying for the longest token lifetime plus clock skew.
     */
    public synchronized SigningKey rotate() {
        if (!(source instanceof Source.Folder folder)) {
            throw new IllegalStateException("Signing keys come from CERT_PRIVATE_KEY_PATH: rotate by deploying new PEM files");
        }
        generate(folder, clock.instant());
        snapshot = load();
        deleteRetiredFiles(folder);
        return snapshot.current();
    }

    private Snapshot load() {
        return switch (source) {
            case Source.Folder folder -> loadFolder(folder);
            case Source.Pem pem -> loadPem(pem);
        };
    }

    private Snapshot loadFolder(Source.Folder folder) {
        var files = listFiles(folder.folder());
        var keys = new ArrayList<SigningKey>();
        for (var name : files) {
            var matcher = FILE.matcher(name);
            if (matcher.matches()) {
                var created = Instant.ofEpochSecond(Long.parseLong(matcher.group(1)));
                keys.add(read(folder.folder().resolve(name), created));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No signing key in " + folder.folder());
        }
        keys.sort(Comparator.comparing(SigningKey::createdAt).reversed());
        return snapshot(live(keys, folder.overlap()), files);
    }

    /** The newest key and every older key whose successor is younger than the overlap. */
    private List<SigningKey> live(List<SigningKey> newestFirst, Duration overlap) {
        var now = clock.instant();
        var live = new ArrayList<SigningKey>();
        live.add(newestFirst.getFirst());
        for (int i = 1; i < newestFirst.size(); i++) {
            var successorCreated = newestFirst.get(i - 1).createdAt();
            if (successorCreated.plus(overlap).isAfter(now)) {
                live.add(newestFirst.get(i));
            }
        }
        return live;
    }

    private Snapshot loadPem(Source.Pem pem) {
        try {
            var privateKey = PemFiles.readPrivate(pem.privateKey());
            var publicKey = PemFiles.publicOf(privateKey);
            if (pem.publicKey().isPresent()) {
                var declared = PemFiles.readPublic(pem.publicKey().get());
                if (!declared.getModulus().equals(publicKey.getModulus())
                        || !declared.getPublicExponent().equals(publicKey.getPublicExponent())) {
                    throw new IllegalStateException("CERT_PUBLIC_KEY_PATH does not match CERT_PRIVATE_KEY_PATH");
                }
            }
            var key = new SigningKey(thumbprint(publicKey), crypto.adopt(privateKey), publicKey, clock.instant());
            return snapshot(List.of(key), Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SigningKey read(Path file, Instant created) {
        try {
            var privateKey = PemFiles.readPrivate(file);
            var publicKey = PemFiles.publicOf(privateKey);
            return new SigningKey(thumbprint(publicKey), crypto.adopt(privateKey), publicKey, created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Snapshot snapshot(List<SigningKey> newestFirst, Set<String> files) {
        var byKid = new LinkedHashMap<String, SigningKey>();
        newestFirst.forEach(k -> byKid.put(k.kid(), k));
        var jwks = new JWKSet(newestFirst.stream().map(k -> (com.nimbusds.jose.jwk.JWK) new RSAKey.Builder(k.publicKey())
                .keyID(k.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toList());
        return new Snapshot(newestFirst.getFirst(), Collections.unmodifiableMap(byKid), jwks, Set.copyOf(files));
    }

    private static void generate(Source.Folder folder, Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(folder.bits());
            var pair = generator.generateKeyPair();
            var privateKey = (RSAPrivateCrtKey) pair.getPrivate();
            var kid = thumbprint((RSAPublicKey) pair.getPublic());
            // File names carry whole seconds and the newest key signs: a key made in the same second as the
            // newest one must still sort after it, or it would not become current.
            long created = Math.max(now.getEpochSecond(), newestSecond(folder.folder()) + 1);
            var file = folder.folder().resolve(created + "-" + kid + ".pem");
            OwnerOnlyFiles.writeNew(file, PemFiles.privatePem(privateKey).getBytes(StandardCharsets.US_ASCII));
            LOG.info("Generated a {}-bit RSA signing key {} in {}", folder.bits(), kid, folder.folder());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a signing key to " + folder.folder(), e);
        }
    }

    private static long newestSecond(Path folder) {
        return listFiles(folder).stream().map(FILE::matcher).filter(java.util.regex.Matcher::matches)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
    }

    private void deleteRetiredFiles(Source.Folder folder) {
        var liveKids = snapshot.byKid().keySet();
        for (var name : listFiles(folder.folder())) {
            var matcher = FILE.matcher(name);
            if (matcher.matches() && !liveKids.contains(matcher.group(2))) {
                try {
                    Files.deleteIfExists(folder.folder().resolve(name));
                    LOG.info("Deleted retired signing key {}", matcher.group(2));
                } catch (IOException e) {
                    LOG.warn("Cannot delete retired signing key file {}", name, e);
                }
            }
        }
    }

    static String thumbprint(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> listFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (var stream = Files.list(folder)) {
            return stream.map(p -> p.getFileName().toString()).filter(n -> FILE.matcher(n).matches())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list signing keys in " + folder, e);
        }
    }

    private record Snapshot(SigningKey current, Map<String, SigningKey> byKid, JWKSet jwks, Set<String> files) {
    }

    private sealed interface Source {
        record Folder(Path folder, int bits, Duration overlap) implements Source {
        }

        record Pem(Path privateKey, Optional<Path> publicKey) implements Source {
        }
    }
}
