package io.crvs.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Await;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.CrvsJar;
import io.crvs.testkit.CrvsJar.Run;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import io.crvs.testkit.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code crvs} command line as operators run it: the real fat jar in a child process, on the same database
 * and data folder as a running test server, printing JSON. Also {@code serve} itself as a process: it starts,
 * serves tokens and never logs credentials, and refuses a bad configuration.
 */
public abstract class CliContract extends AppContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ISSUED_KEYS = List.of("id", "client_id", "client_secret", "sha_secret", "type",
            "name", "scope", "status");

    /** {@code crvs <args> --data <the test app's data folder>} with the test app's environment. */
    private Run cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(app.dataDir().toString());
        return CrvsJar.run(all, app.environment());
    }

    private Run ok(String... args) {
        var result = cli(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result.assertNoStackTrace();
    }

    private JsonNode create(String type) {
        return ok("clients", "create", "--type", type, "--name", "Ibombo District Hospital " + UUID.randomUUID()).json();
    }

    private Response token(JsonNode client, String secret) {
        return ClientTokens.request(http(), client.get("client_id").asText(), secret);
    }

    private String tokenFor(JsonNode client) {
        return ClientTokens.accessToken(http(), client.get("client_id").asText(), client.get("client_secret").asText());
    }

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    private static List<String> keys(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void clientsCreateWhenHealthThenOneJsonLineInOrderAndSecretWorksAtRunningServer() {
        var name = "Ibombo District Hospital " + UUID.randomUUID();
        var result = ok("clients", "create", "--type", "HEALTH", "--name", name);
        var created = result.json();
        assertThat(keys(created).subList(0, ISSUED_KEYS.size())).containsExactlyElementsOf(ISSUED_KEYS);
        assertThat(created.get("type").asText()).isEqualTo("HEALTH");
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("scope").toString()).isEqualTo("[\"declare\",\"notification-api\"]");
        assertThat(created.get("status").asText()).isEqualTo("active");
        var token = tokenFor(created);
        assertThat(Jwt.claims(token).get("sub").asText()).isEqualTo(created.get("id").asText());
        assertThat(whoami(token)).isEqualTo(200);
        var viaServer = app.app().auth().clients().get(created.get("client_id").asText());
        assertThat(viaServer.id()).isEqualTo(created.get("id").asText());
    }

    @Test
    void clientsListShowAndRevealWhenClientExistsThenSameClientWithoutSecretsExceptReveal() {
        var created = create("WEBHOOK");
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var secret = created.get("client_secret").asText();
        var sha = created.get("sha_secret").asText();

        var list = ok("clients", "list").json();
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("id")).contains(id);
        var byId = ok("clients", "show", id).json();
        var byClientId = ok("clients", "show", clientId).json();
        assertThat(byId).isEqualTo(byClientId);
        assertThat(byId.get("client_id").asText()).isEqualTo(clientId);
        assertThat(keys(byId).subList(0, 6)).containsExactly("id", "client_id", "type", "name", "scope", "status");
        for (var output : List.of(list.toString(), byId.toString())) {
            assertThat(output).doesNotContain(secret).doesNotContain(sha).doesNotContain("client_secret")
                    .doesNotContain("sha_secret");
        }
        var revealed = ok("clients", "reveal", clientId).json();
        assertThat(keys(revealed)).containsExactly("id", "client_id", "sha_secret");
        assertThat(revealed.get("sha_secret").asText()).isEqualTo(sha);
        assertThat(revealed.toString()).doesNotContain(secret);
    }

    @Test
    void clientsRefreshSecretWhenRunThenRunningServerRefusesOldSecretAndTokenAndAcceptsNew() {
        var created = create("HEALTH");
        var oldToken = tokenFor(created);
        var refreshed = ok("clients", "refresh-secret", created.get("id").asText()).json();
        var newSecret = refreshed.get("client_secret").asText();
        assertThat(newSecret).isNotBlank().isNotEqualTo(created.get("client_secret").asText());
        assertThat(refreshed.get("client_id").asText()).isEqualTo(created.get("client_id").asText());
        assertThat(token(created, created.get("client_secret").asText()).status()).isEqualTo(401);
        assertThat(whoami(oldToken)).isEqualTo(401);
        var fresh = token(created, newSecret);
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(whoami(fresh.json().get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void clientsDeactivateEnableDeleteWhenRunThenRunningServerFollowsAtOnce() {
        var created = create("RECORD_SEARCH");
        var id = created.get("id").asText();
        var token = tokenFor(created);
        assertThat(whoami(token)).isEqualTo(200);

        var deactivated = ok("clients", "deactivate", id).json();
        assertThat(deactivated.get("status").asText()).isEqualTo("deactivated");
        assertThat(whoami(token)).as("a token issued before deactivation").isEqualTo(401);
        assertThat(token(created, created.get("client_secret").asText()).status()).isEqualTo(401);

        var enabled = ok("clients", "enable", created.get("client_id").asText()).json();
        assertThat(enabled.get("status").asText()).isEqualTo("active");
        var again = tokenFor(created);
        assertThat(whoami(again)).isEqualTo(200);

        var deleted = ok("clients", "delete", id).json();
        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertThat(whoami(again)).isEqualTo(401);
        assertThat(token(created, created.get("client_secret").asText()).status()).isEqualTo(401);
        var gone = cli("clients", "show", id);
        assertThat(gone.exit()).as(gone.toString()).isEqualTo(1);
        assertThat(gone.error().get("error").asText()).isEqualTo("client_not_found");
    }

    @Test
    void clientsWhenUnknownIdThenExit1WithClientNotFoundJsonAndNoStackTrace() {
        var unknown = "0123456789abcdef01234567";
        for (var command : List.of("show", "reveal", "refresh-secret", "deactivate", "enable", "delete")) {
            var result = cli("clients", command, unknown);
            assertThat(result.exit()).as(command + ": " + result).isEqualTo(1);
            assertThat(result.stdoutLines()).as(command).isEmpty();
            assertThat(result.error().get("error").asText()).isEqualTo("client_not_found");
            result.assertNoStackTrace();
        }
    }

    @Test
    void clientsCreateWhenBadTypeOrNameThenExit1WithJsonErrorAndNothingCreated() {
        var name = "Bad type " + UUID.randomUUID();
        var badType = cli("clients", "create", "--type", "EXTERNAL_VALIDATION", "--name", name);
        assertThat(badType.exit()).as(badType.toString()).isEqualTo(1);
        assertThat(badType.error().get("error").asText()).isEqualTo("validation_failed");
        assertThat(badType.error().get("message").asText()).contains("--type");
        badType.assertNoStackTrace();
        var blank = cli("clients", "create", "--type", "HEALTH", "--name", "   ");
        assertThat(blank.exit()).as(blank.toString()).isEqualTo(1);
        assertThat(blank.error().get("error").asText()).isEqualTo("validation_failed");
        blank.assertNoStackTrace();
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().equals(name));
    }

    @Test
    void clientsCreateWhenNameTakenThenExit1ClientNameTaken() {
        var created = create("HEALTH");
        var again = cli("clients", "create", "--type", "HEALTH", "--name", created.get("name").asText().toUpperCase());
        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(again.error().get("error").asText()).isEqualTo("client_name_taken");
    }

    @Test
    void clientsWhenCommandFailsThenFailureAuditedWithReasonAndTheOperatorAsActor() {
        var unknown = UUID.randomUUID().toString();
        assertThat(cli("clients", "deactivate", unknown).exit()).isEqualTo(1);
        var notFound = app.app().audit().list(Optional.of(unknown), Optional.empty(), Optional.empty(), 10);
        assertThat(notFound).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("client.deactivated");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.reason()).isEqualTo("client_not_found");
            assertThat(e.actorType()).isEqualTo("cli");
        });
        var created = create("HEALTH");
        var name = created.get("name").asText();
        assertThat(cli("clients", "create", "--type", "WEBHOOK", "--name", name).exit()).isEqualTo(1);
        assertThat(cli("clients", "create", "--type", "EXTERNAL_VALIDATION", "--name", name + " 2").exit()).isEqualTo(1);
        var failedCreations = app.app().audit().list(Optional.empty(), Optional.of("client.created"), Optional.empty(), 100)
                .stream().filter(e -> e.outcome().equals("failure") && e.actorType().equals("cli")).toList();
        assertThat(failedCreations).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("client_name_taken");
            assertThat(e.details()).contains(name);
        });
        assertThat(failedCreations).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("validation_failed");
            assertThat(e.details()).contains("--type");
        });
        assertThat(failedCreations.toString()).doesNotContain(created.get("client_secret").asText());
    }

    @Test
    void keysRotateWhenRunThenRunningServerPublishesAndSignsWithNewKidSoon() {
        var before = http().get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid");
        var rotated = ok("keys", "rotate").json();
        var kid = rotated.get("kid").asText();
        assertThat(kid).isNotBlank().isNotIn(before);
        assertThat(rotated.get("current").asBoolean()).isTrue();
        // The running server picks the new key up on its own schedule: wait for it, boundedly.
        var published = Await.until(Duration.ofSeconds(15), () -> kid + " in the published JWKS", () -> {
            var kids = http().get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid");
            return kids.contains(kid) ? Optional.of(kids) : Optional.empty();
        });
        assertThat(published).contains(kid).containsAll(before);
        var client = create("HEALTH");
        var token = tokenFor(client);
        assertThat(Jwt.header(token).get("kid").asText()).isEqualTo(kid);
        assertThat(whoami(token)).isEqualTo(200);
        var listed = ok("keys", "list").json();
        assertThat(listed.findValuesAsText("kid")).contains(kid);
    }

    @Test
    void commandsWhenArgumentsWrongThenOneJsonLineOnStderrAndExit1AsTheReadmeSays() {
        var mistakes = List.of(
                List.of("clients", "show"),
                List.of("clients", "create", "--type", "HEALTH"),
                List.of("clients", "list", "--bogus"),
                List.of("clients"),
                List.of("clients", "frobnicate"),
                List.of("keys", "rotate", "extra"),
                List.of("audit", "--limit", "many"),
                List.of("users", "create-admin", "--family-name", "Hopper"),
                List.of("--no-such-option"));
        for (var args : mistakes) {
            var result = CrvsJar.run(args, Map.of());
            assertThat(result.exit()).as(args + ": " + result).isEqualTo(1);
            assertThat(result.stdoutLines()).as(args + ": " + result).isEmpty();
            assertThat(result.stderr().lines().filter(l -> !l.isBlank()).toList()).as(args + ": " + result).hasSize(1);
            var error = result.error();
            assertThat(error.get("error").asText()).as(args + ": " + result).isEqualTo("invalid_arguments");
            assertThat(error.get("message").asText()).as(args + ": " + result).contains("--help");
            result.assertNoStackTrace();
        }
        assertThat(CrvsJar.run(List.of("clients", "show"), Map.of()).error().get("message").asText())
                .contains("ID").contains("crvs clients show --help");
    }

    @Test
    void helpWhenRequestedThenListsCommandsAndExitsZero() {
        var result = CrvsJar.run(List.of("--help"), Map.of());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("serve").contains("clients").contains("keys").contains("audit");
        var clients = CrvsJar.run(List.of("clients", "--help"), Map.of());
        assertThat(clients.exit()).isZero();
        assertThat(clients.stdout()).contains("create").contains("refresh-secret").contains("deactivate")
                .contains("reveal");
    }

    @Test
    void auditWhenSubjectGivenThenPrintsItsEntriesNewestFirstWithoutSecrets() {
        var created = create("WEBHOOK");
        var id = created.get("id").asText();
        ok("clients", "reveal", id);
        ok("clients", "deactivate", id);
        var entries = ok("audit", "--subject", id).json();
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.findValuesAsText("action"))
                .containsExactly("client.deactivated", "client.keys_revealed", "client.created");
        entries.forEach(e -> {
            assertThat(e.get("subject_id").asText()).isEqualTo(id);
            assertThat(e.get("actor_type").asText()).isEqualTo("cli");
            assertThat(e.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        });
        assertThat(entries.toString()).doesNotContain(created.get("client_secret").asText())
                .doesNotContain(created.get("sha_secret").asText());
        var limited = ok("audit", "--action", "client.created", "--limit", "1").json();
        assertThat(limited).hasSize(1);
        assertThat(limited.get(0).get("action").asText()).isEqualTo("client.created");
    }

    // ---- serve as a process ----------------------------------------------------------------------------------

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void serveWhenRunAsProcessThenServesTokensAndNeverLogsCredentials() throws Exception {
        var dataDir = Files.createTempDirectory("crvs-serve-");
        var schema = TestDatabase.newSchemaName();
        var env = new HashMap<>(database().environment(schema));
        CrvsJar.Server server = null;
        try {
            var created = CrvsJar.run(List.of("clients", "create", "--type", "HEALTH", "--name", "Serve test",
                    "--data", dataDir.toString()), env).json();
            var clientId = created.get("client_id").asText();
            var secret = created.get("client_secret").asText();

            server = CrvsJar.serve(dataDir, env);
            var http = server.http();

            var query = http.send("POST", "/token?client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                    + "&grant_type=client_credentials", "", "Content-Type", "application/json");
            assertThat(query.status()).as(query.toString()).isEqualTo(200);
            var form = http.postForm("/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                    "client_secret", secret));
            assertThat(form.status()).as(form.toString()).isEqualTo(200);
            var basicValue = "Basic " + Base64.getEncoder().encodeToString(
                    (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
            var basic = http.postForm("/token", Map.of("grant_type", "client_credentials"), "Authorization", basicValue);
            assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
            var wrong = http.send("POST", "/token?client_id=" + enc(clientId) + "&client_secret=not-" + enc(secret)
                    + "&grant_type=client_credentials", "", "Content-Type", "application/json");
            assertThat(wrong.status()).isEqualTo(401);
            var malformed = http.sendRaw("POST", "/token?client_id=%zz&client_secret=" + enc(secret), "");
            assertThat(malformed.status()).isEqualTo(400);
            var accessTokens = List.of(query.json().get("access_token").asText(),
                    form.json().get("access_token").asText(), basic.json().get("access_token").asText());
            for (var token : accessTokens) {
                assertThat(http.get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(200);
            }
            assertThat(http.get("/whoami", "Authorization", "Bearer " + accessTokens.getFirst() + "x").status())
                    .isEqualTo(401);
            if (database() == TestDatabase.H2) {
                assertEmbeddedDatabaseClosedToOthers(dataDir);
            }

            server.process().destroy();
            assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
            var stdout = server.stdout();
            var stderr = server.stderr();
            // JSON logs may escape '/' as '\/': compare on the unescaped text as well.
            var unescaped = stdout.replace("\\/", "/");
            assertThat(unescaped).as("the access log is on").contains("{\"path\":\"/token\"}")
                    .contains("{\"path\":\"/whoami\"}").contains("{\"status\":\"401\"}");
            for (var line : stdout.lines().filter(l -> !l.isBlank()).toList()) {
                assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
            }
            for (var output : List.of(stdout, unescaped, stderr)) {
                assertThat(output).doesNotContain(secret).doesNotContain(enc(secret)).doesNotContain("client_secret=")
                        .doesNotContain(basicValue.substring(6)).doesNotContain("Bearer ").doesNotContain("Basic ");
                for (var token : accessTokens) {
                    assertThat(output).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
            database().drop(schema);
            deleteTree(dataDir);
        }
    }

    /**
     * The embedded database's files are the owner's alone, and the TCP listener that lets the command line share
     * it with the server accepts loopback connections only: from this machine's other addresses it is refused.
     */
    private static void assertEmbeddedDatabaseClosedToOthers(Path dataDir) throws IOException {
        var folder = dataDir.resolve("db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        var lock = new Properties();
        try (var in = Files.newInputStream(folder.resolve("crvs.lock.db"))) {
            lock.load(in);
        }
        var server = lock.getProperty("server");
        assertThat(server).as("H2 AUTO_SERVER address in the lock file").isNotNull();
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        try (var loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        var others = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        for (var address : others) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2_000);
                throw new AssertionError("the embedded database accepts connections on " + address + ":" + port);
            } catch (ConnectException | SocketTimeoutException refused) {
                // what we want: nobody listens there
            }
        }
    }

    @Test
    void serveWhenConfigurationInvalidThenExitsNonZeroNamingTheVariable() throws IOException {
        var dataDir = Files.createTempDirectory("crvs-bad-config-");
        try {
            var env = Map.of("CRVS_PORT", "abc", "CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS", "0");
            var result = CrvsJar.run(List.of("serve", "--data", dataDir.toString()), env);
            assertThat(result.exit()).as(result.toString()).isNotZero();
            assertThat(result.stderr()).contains("CRVS_PORT").contains("abc").contains("CONFIG_SYSTEM_TOKEN_EXPIRY_SECONDS");
            result.assertNoStackTrace();
            var cliResult = CrvsJar.run(List.of("clients", "list", "--data", dataDir.toString()), env);
            assertThat(cliResult.exit()).as(cliResult.toString()).isEqualTo(1);
            assertThat(cliResult.error().get("error").asText()).isEqualTo("invalid_configuration");
            assertThat(cliResult.error().get("message").asText()).contains("CRVS_PORT");
            cliResult.assertNoStackTrace();
        } finally {
            deleteTree(dataDir);
        }
    }
}
