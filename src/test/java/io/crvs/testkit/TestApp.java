package io.crvs.testkit;

import io.crvs.app.AppConfig;
import io.crvs.app.Application;
import io.crvs.auth.ClientType;
import io.crvs.auth.IssuedClient;
import io.crvs.auth.NewClient;
import io.crvs.auth.Scopes;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.config.Env;
import io.crvs.users.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real application for black-box tests: {@link Application#serve} on a random port, on a real H2 file database
 * in a temporary folder or a fresh PostgreSQL schema, with a clock tests can move forward.
 */
public final class TestApp implements AutoCloseable {
    private final TestDatabase database;
    private final Path dataDir;
    private final String schema = TestDatabase.newSchemaName();
    private final Map<String, String> env = new HashMap<>();
    private final TestClock clock = new TestClock();
    private Application app;
    private Http http;

    public TestApp(TestDatabase database, Path dataDir, Map<String, String> extraEnv) {
        this.database = database;
        this.dataDir = dataDir;
        env.put("CRVS_ACCESS_LOG_LEVEL", "WARN");
        // Tests simulate callers at other addresses with X-Forwarded-For from loopback.
        env.put("CRVS_TRUSTED_PROXIES", "127.0.0.1");
        // Argon2id at its production cost would dominate test time; the cost is a parameter, not behaviour.
        env.put("CRVS_PASSWORD_HASH_MEMORY_KIB", "1024");
        env.put("CRVS_PASSWORD_HASH_ITERATIONS", "1");
        env.putAll(database.environment(schema));
        env.putAll(extraEnv);
        start();
    }

    public TestApp(TestDatabase database, Path dataDir) {
        this(database, dataDir, Map.of());
    }

    private void start() {
        app = Application.serve(AppConfig.load(new Env(env), dataDir, 0), clock);
        http = new Http("http://127.0.0.1:" + app.port());
    }

    /** Stops and starts again on the same data folder and database, as after a crash-free restart. */
    public void restart() {
        app.close();
        start();
    }

    public Http http() {
        return http;
    }

    public Application app() {
        return app;
    }

    public TestClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The environment this app was started with (database URL included), for running the CLI against it. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public IssuedClient createClient(ClientType type) {
        return createClient(type, type.name().toLowerCase() + " client " + UUID.randomUUID());
    }

    public IssuedClient createClient(ClientType type, String name) {
        return app.auth().clients().create(new NewClient(type, name, Optional.empty(), Optional.empty()),
                Actor.system("test"));
    }

    /** A token for {@code client} from {@code POST /token} with a form body. */
    public String token(IssuedClient client) {
        return ClientTokens.accessToken(http, client.client().clientId(), client.clientSecret());
    }

    /** A token of the seeded National System Administrator j.campbell, minted with the server's own issuer. */
    public String adminToken() {
        return userToken(userId("j.campbell"), List.of(Scopes.SYSADMIN, Scopes.NATLSYSADMIN));
    }

    /** The internal id of a seeded development user (default-employees.csv), e.g. {@code k.bwalya}. */
    public String userId(String username) {
        return app.users().findByUsername(username)
                .orElseThrow(() -> new AssertionError("No seeded user " + username)).id();
    }

    /**
     * A token for an existing user with the given scopes, in the user's current token generation (the bearer check
     * insists the user exists, is active and has not changed since).
     */
    public String userToken(String userId, List<String> scopes) {
        var issuer = app.auth().tokenIssuer();
        long generation = app.users().find(userId).map(User::tokenGeneration).orElse(0L);
        return issuer.issue(userId, Optional.empty(), scopes, issuer.audiences(scopes), Duration.ofHours(1), generation)
                .token();
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        database.drop(schema);
    }
}
