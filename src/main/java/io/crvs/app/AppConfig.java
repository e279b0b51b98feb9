package io.crvs.app;

import io.crvs.auth.AuthConfig;
import io.crvs.notifications.Channel;
import io.crvs.notifications.NotificationsConfig;
import io.crvs.notifications.SmtpSettings;
import io.crvs.platform.config.Env;
import io.crvs.platform.crypto.OwnerOnlyFiles;
import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.db.DatabaseConfig;
import io.crvs.platform.http.HttpSettings;
import io.crvs.platform.throttle.ThrottleConfig;
import io.crvs.users.LoginConfig;
import io.crvs.users.UsersConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every setting of crvs, read once from environment variables (documented in README.md) and validated together:
 * a bad value stops start-up with a message naming each offending variable.
 */
public record AppConfig(Path dataDir, String environment, HttpSettings http, DatabaseConfig database,
        AuthConfig auth, ThrottleConfig throttle, Path serverKeyFile, boolean preferJdkCrypto, UsersConfig users,
        NotificationsConfig notifications, boolean sampleData) {

    public static final int DEFAULT_PORT = 7070;

    public boolean isProduction() {
        return "production".equals(environment);
    }

    /** The same configuration without the sample country, for commands that load a country of their own. */
    public AppConfig withoutSampleData() {
        return new AppConfig(dataDir, environment, http, database, auth, throttle, serverKeyFile, preferJdkCrypto, users,
                notifications, false);
    }

    /**
     * Reads the configuration. {@code dataDirOverride} and {@code portOverride} come from command-line flags and
     * win over the environment.
     */
    public static AppConfig load(Env env, Path dataDirOverride, Integer portOverride) {
        var dataDir = (dataDirOverride != null ? dataDirOverride : Path.of(env.string("CRVS_DATA", "./data")))
                .toAbsolutePath().normalize();
        var environment = env.oneOf("CRVS_ENV", "development", Set.of("development", "production"));
        int port = portOverride != null ? portOverride : env.integer("CRVS_PORT", DEFAULT_PORT, 0, 65535);
        var http = new HttpSettings(env.string("CRVS_HOST", "0.0.0.0"), port,
                env.integer("CRVS_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576),
                new HashSet<>(env.list("CRVS_TRUSTED_PROXIES", List.of())));
        var database = database(env, dataDir);
        var auth = auth(env, dataDir, port);
        var throttle = new ThrottleConfig(
                env.integer("CRVS_THROTTLE_CLIENT_FAILURES", 5, 1, 1000),
                env.integer("CRVS_THROTTLE_ADDRESS_FAILURES", 20, 1, 100_000),
                env.integer("CRVS_THROTTLE_ACCOUNT_FAILURES", 50, 1, 1_000_000),
                Duration.ofSeconds(env.integer("CRVS_THROTTLE_FIRST_LOCK_SECONDS", 1, 1, 3600)),
                Duration.ofSeconds(env.integer("CRVS_THROTTLE_MAX_LOCK_SECONDS", 900, 1, 86_400)));
        var serverKey = env.path("CRVS_SERVER_KEY_FILE").orElse(dataDir.resolve("keys").resolve("server.key"));
        var preferJdk = "jdk".equals(env.oneOf("CRVS_CRYPTO_PROVIDER", "native", Set.of("native", "jdk")));
        boolean development = "development".equals(environment);
        var applicationName = env.string("CRVS_APPLICATION_NAME", "Farajaland CRS");
        var notifications = notifications(env, development, applicationName);
        var users = users(env, auth, development, notifications.userChannel(), applicationName);
        boolean sampleData = "farajaland".equals(env.oneOf("CRVS_SAMPLE_DATA", "farajaland", Set.of("farajaland", "none")));
        env.validate();
        return new AppConfig(dataDir, environment, http, database, auth, throttle, serverKey, preferJdk, users,
                notifications, sampleData);
    }

    private static UsersConfig users(Env env, AuthConfig auth, boolean development, Channel channel, String applicationName) {
        int userTtl = env.integer("CONFIG_TOKEN_EXPIRY_SECONDS", 604_800, 60, 86_400 * 30);
        if (userTtl > auth.maxTokenTtl().toSeconds()) {
            env.problem("CONFIG_TOKEN_EXPIRY_SECONDS (" + userTtl + ") exceeds CRVS_MAX_TOKEN_EXPIRY_SECONDS ("
                    + auth.maxTokenTtl().toSeconds() + ")");
        }
        int codeTtl = env.integer("CONFIG_SMS_CODE_EXPIRY_SECONDS", 600, 30, 3600);
        var login = new LoginConfig(Duration.ofSeconds(userTtl), Duration.ofMinutes(30), Duration.ofSeconds(codeTtl),
                development, channel, 5, 5);
        var phone = env.string("CRVS_PHONE_PATTERN", "^0(7|9)[0-9]{8}$");
        Pattern pattern;
        try {
            pattern = Pattern.compile(phone);
        } catch (PatternSyntaxException e) {
            env.problem("CRVS_PHONE_PATTERN is not a valid regular expression: " + e.getDescription());
            pattern = Pattern.compile(".*");
        }
        return new UsersConfig(login, env.integer("CRVS_PASSWORD_HASH_MEMORY_KIB", 19_456, 256, 1_048_576),
                env.integer("CRVS_PASSWORD_HASH_ITERATIONS", 2, 1, 10), pattern, development, applicationName);
    }

    private static NotificationsConfig notifications(Env env, boolean development, String applicationName) {
        var channel = Channel.valueOf(env.oneOf("CRVS_USER_NOTIFICATION_CHANNEL", "email", Set.of("email", "sms"))
                .toUpperCase(Locale.ROOT));
        Optional<SmtpSettings> smtp = env.optional("CRVS_SMTP_HOST").map(host -> new SmtpSettings(host,
                env.integer("CRVS_SMTP_PORT", 587, 1, 65535),
                env.oneOf("CRVS_SMTP_SECURITY", "starttls", Set.of("starttls", "ssl", "none")),
                env.optional("CRVS_SMTP_USER"), env.string("CRVS_SMTP_PASSWORD", ""),
                env.optional("CRVS_SMTP_FROM").orElseGet(() -> {
                    env.problem("CRVS_SMTP_FROM is required when CRVS_SMTP_HOST is set");
                    return "crvs@localhost";
                })));
        var sms = env.httpUrl("CRVS_SMS_WEBHOOK_URL");
        if (!development && (channel == Channel.EMAIL ? smtp.isEmpty() : sms.isEmpty())) {
            env.problem("CRVS_ENV=production needs a real delivery channel for staff notifications: set "
                    + (channel == Channel.EMAIL ? "CRVS_SMTP_HOST (and CRVS_SMTP_FROM)" : "CRVS_SMS_WEBHOOK_URL")
                    + ", or choose the other channel with CRVS_USER_NOTIFICATION_CHANNEL");
        }
        return new NotificationsConfig(development, smtp, sms, env.optional("CRVS_SMS_WEBHOOK_TOKEN"), channel,
                env.integer("CRVS_NOTIFICATION_MAX_ATTEMPTS", 8, 1, 50), applicationName);
    }

    private static DatabaseConfig database(Env env, Path dataDir) {
        int pool = env.integer("CRVS_DB_POOL_SIZE", 16, 1, 200);
        var url = env.optional("CRVS_DB_URL");
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql:") && !url.get().startsWith("jdbc:h2:")) {
                env.problem("CRVS_DB_URL must start with jdbc:postgresql: (or jdbc:h2:), was '" + url.get() + "'");
            }
            return new DatabaseConfig(url.get(), env.string("CRVS_DB_USER", "crvs"), env.string("CRVS_DB_PASSWORD", ""), pool);
        }
        // Embedded H2 file database. WRITE_DELAY=0 makes every commit reach the file before it is acknowledged;
        // AUTO_SERVER lets the command line use the database while the server holds it open.
        var folder = dataDir.resolve("db");
        ownerOnly(folder);
        // AUTO_SERVER's TCP listener would otherwise accept connections on every interface; the command line that
        // uses it always runs on this machine. Set before H2 loads (it reads the property once).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        var file = folder.resolve("crvs");
        var h2 = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";
        return new DatabaseConfig(h2, "crvs", embeddedPassword(dataDir), pool);
    }

    /** The database files hold every record: only the account that runs crvs may read them. */
    private static void ownerOnly(Path folder) {
        try {
            OwnerOnlyFiles.createFolder(folder);
            OwnerOnlyFiles.restrict(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or restrict " + folder, e);
        }
    }

    /** The embedded database's password, made on first use and kept beside the server key (owner-only). */
    private static String embeddedPassword(Path dataDir) {
        var file = dataDir.resolve("keys").resolve("db-password");
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFiles.writeNew(file, RandomTokens.base64url(24).getBytes(StandardCharsets.US_ASCII));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static AuthConfig auth(Env env, Path dataDir, int port) {
        int ttl = env.integer("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", 600, 1, 86_400 * 30);
        int cap = env.integer("CRVS_MAX_TOKEN_EXPIRY_SECONDS", 604_800, 60, 86_400 * 30);
        if (ttl > cap) {
            env.problem("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS (" + ttl + ") exceeds CRVS_MAX_TOKEN_EXPIRY_SECONDS (" + cap + ")");
        }
        int bits = env.integer("CRVS_RSA_KEY_BITS", 2048, 2048, 4096);
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            env.problem("CRVS_RSA_KEY_BITS must be 2048, 3072 or 4096, was " + bits);
        }
        var privateKey = env.path("CERT_PRIVATE_KEY_PATH");
        var publicKey = env.path("CERT_PUBLIC_KEY_PATH");
        if (publicKey.isPresent() && privateKey.isEmpty()) {
            env.problem("CERT_PUBLIC_KEY_PATH is set but CERT_PRIVATE_KEY_PATH is not: crvs needs the private key to sign");
        }
        privateKey.filter(p -> !Files.isReadable(p))
                .ifPresent(p -> env.problem("CERT_PRIVATE_KEY_PATH points to " + p + ", which is not a readable file"));
        publicKey.filter(p -> !Files.isReadable(p))
                .ifPresent(p -> env.problem("CERT_PUBLIC_KEY_PATH points to " + p + ", which is not a readable file"));
        var publicUrl = env.httpUrl("CRVS_PUBLIC_URL").orElse(URI.create("http://localhost:" + (port == 0 ? DEFAULT_PORT : port)));
        return new AuthConfig(env.string("CRVS_TOKEN_ISSUER", AuthConfig.OPENCRVS_ISSUER),
                env.list("CRVS_TOKEN_AUDIENCES", AuthConfig.OPENCRVS_AUDIENCES),
                Duration.ofSeconds(ttl), Duration.ofSeconds(cap),
                env.bool("CRVS_LEGACY_QUERY_CREDENTIALS", true), bits, dataDir.resolve("keys"),
                privateKey, publicKey, publicUrl);
    }
}
