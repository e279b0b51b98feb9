package io.crvs.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Await;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.CrvsJar;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Staff;
import io.crvs.testkit.TestBundles;
import io.crvs.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the Event Notification API: the real fat jar serves in a child process while several health
 * systems post notifications without pause; the process is killed with SIGKILL mid-stream and started again on
 * the same data folder and database. Every notification that was acknowledged (HTTP 200 with a tracking id) must
 * then be stored with that tracking id, and re-sending any bundle, answered or cut off by the kill, must give the
 * one record it belongs to: the office's queue ends up with exactly one record per distinct bundle.
 */
public abstract class NotificationDurabilityContract {
    private static final String OFFICE = TestBundles.OFFICE_ID;
    private static final String IDENTIFIER_PLACEHOLDER = "{{compositionIdentifier}}";
    private static final String TEMPLATE = template();
    private static final int SENDERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(240);
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final Pattern LOCATION = Pattern.compile("/fhir/Composition/([0-9a-f-]{36})/_history/[0-9]+");
    private static final Pattern TRACKING_ID = Pattern.compile("B[0-9A-Z]{6}");

    private final List<CrvsJar.Server> servers = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Path dataDir;
    private String schema;

    protected abstract TestDatabase database();

    /** What an answered notification told its sender: the tracking id and the stored Composition's id. */
    private record Ack(String trackingId, String compositionId, String status) {
        static Ack of(Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            var body = response.json();
            var trackingId = body.path("identifier").path("value").asText();
            assertThat(trackingId).as(response.toString()).matches(TRACKING_ID);
            var first = body.path("entry").path(0).path("response");
            var location = LOCATION.matcher(first.path("location").asText());
            assertThat(location.matches()).as("entry[0].response.location of " + response).isTrue();
            return new Ack(trackingId, location.group(1), first.path("status").asText());
        }

        boolean sameRecord(Ack other) {
            return trackingId.equals(other.trackingId) && compositionId.equals(other.compositionId);
        }
    }

    @BeforeEach
    void prepare() throws IOException {
        dataDir = Files.createTempDirectory("crvs-durability-");
        schema = TestDatabase.newSchemaName();
        env.put("CRVS_ACCESS_LOG_LEVEL", "WARN");
        env.put("CRVS_PASSWORD_HASH_MEMORY_KIB", "1024");
        env.put("CRVS_PASSWORD_HASH_ITERATIONS", "1");
        env.putAll(database().environment(schema));
    }

    @AfterEach
    void cleanUp() {
        servers.forEach(CrvsJar.Server::close);
        database().drop(schema);
        AppContract.deleteTree(dataDir);
    }

    @Test
    void notificationsWhenServerKilledMidStreamThenEveryAcknowledgedRecordSurvivesOnceAndResubmissionIsIdempotent()
            throws Exception {
        var client = createHealthClient();
        var first = start();
        var stream = new NotificationStream(first.http(), Http.bearer(token(first.http(), client)));
        stream.runUntilKilled(first);
        assertThat(stream.problems).as("every request was answered 200 or cut off by the kill").isEmpty();
        assertThat(stream.acknowledged.values()).as("each bundle was new when first answered")
                .allSatisfy(ack -> assertThat(ack.status()).isEqualTo("201 Created"));
        assertThat(stream.acknowledged.keySet().stream().filter(stream.unanswered::contains)).isEmpty();
        assertThat(stream.acknowledged.size() + stream.unanswered.size()).isEqualTo(stream.sent.size());

        var second = start();
        var health = Http.bearer(token(second.http(), client));
        var registrar = Http.bearer(registrarToken(second.http()));
        inParallel(stream.acknowledged.values(),
                ack -> assertReadable(second.http(), registrar, ack, "acknowledged before the kill"));
        var stored = resendEverything(stream, second.http(), health, registrar);
        assertThat(stored.values().stream().map(Ack::trackingId).distinct().count()).as("tracking ids")
                .isEqualTo(stream.sent.size());
        assertThat(stored.values().stream().map(Ack::compositionId).distinct().count()).as("records")
                .isEqualTo(stream.sent.size());
        var queue = second.http().get("/records?queue=in-progress&office=" + OFFICE + "&count=1",
                "Authorization", registrar);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.json().get("totalItems").asInt())
                .as("one stored record per distinct bundle (%d acknowledged, %d cut off by the kill)",
                        stream.acknowledged.size(), stream.unanswered.size())
                .isEqualTo(stream.sent.size());
    }

    /**
     * Re-sends every bundle after the restart: an acknowledged one must give its record back unchanged; one cut off
     * by the kill is stored now or was already, and sending it once more gives the same record again.
     */
    private static Map<String, Ack> resendEverything(NotificationStream stream, Http http, String health,
            String registrar) throws Exception {
        var stored = new ConcurrentHashMap<String, Ack>();
        inParallel(stream.sent.keySet(), identifier -> {
            var bundle = stream.sent.get(identifier);
            var again = resend(http, health, bundle);
            var before = stream.acknowledged.get(identifier);
            if (before != null) {
                assertThat(again.sameRecord(before)).as("acknowledged " + before + ", re-sent " + again).isTrue();
                assertThat(again.status()).as("re-sending an acknowledged bundle creates nothing").isEqualTo("200 OK");
            } else {
                var once = resend(http, health, bundle);
                assertThat(once.sameRecord(again)).as("cut off by the kill, then re-sent twice: " + again + ", " + once)
                        .isTrue();
                assertThat(once.status()).isEqualTo("200 OK");
                assertReadable(http, registrar, again, "cut off by the kill and re-sent");
            }
            stored.put(identifier, again);
        });
        return stored;
    }

    /**
     * Several health systems' worth of senders posting fresh notifications without pause, each bundle with its own
     * Composition identifier, recording what every request got, until the server is killed under them.
     */
    private static final class NotificationStream {
        final Map<String, String> sent = new ConcurrentHashMap<>();
        final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean killed = new AtomicBoolean();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Http http;
        private final String bearer;

        NotificationStream(Http http, String bearer) {
            this.http = http;
            this.bearer = bearer;
        }

        /** Streams until enough notifications are acknowledged, then SIGKILLs the server while one is in flight. */
        void runUntilKilled(CrvsJar.Server server) throws InterruptedException {
            var senders = Executors.newFixedThreadPool(SENDERS);
            try {
                for (int i = 0; i < SENDERS; i++) {
                    senders.execute(this::send);
                }
                Await.until(STREAM_TIMEOUT, () -> ACKNOWLEDGED_BEFORE_KILL + " acknowledged notifications; got "
                        + acknowledged.size() + "\n" + server.logs(),
                        () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL || !problems.isEmpty());
                assertThat(problems).as("failures before the kill\n" + server.logs()).isEmpty();
                Await.until(Duration.ofSeconds(30), () -> "a notification in flight", () -> inFlight.get() > 0);
                killed.set(true);
                server.process().destroyForcibly();
                assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("the server dies on SIGKILL").isTrue();
                assertThat(server.process().exitValue()).as("killed by SIGKILL, not shut down").isEqualTo(SIGKILL_EXIT);
            } finally {
                killed.set(true);
                senders.shutdown();
                assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).as("senders stop once the server is gone")
                        .isTrue();
            }
        }

        private void send() {
            while (!killed.get()) {
                var identifier = UUID.randomUUID().toString();
                var bundle = TEMPLATE.replace(IDENTIFIER_PLACEHOLDER, identifier);
                sent.put(identifier, bundle);
                inFlight.incrementAndGet();
                try {
                    acknowledged.put(identifier, Ack.of(post(http, bearer, bundle)));
                } catch (UncheckedIOException noAnswer) {
                    unanswered.add(identifier);
                    if (!killed.get()) {
                        problems.add(identifier + ": no answer before the kill: " + noAnswer);
                    }
                } catch (RuntimeException | AssertionError e) {
                    problems.add(identifier + ": " + e.getMessage());
                    return;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }
    }

    private static Response post(Http http, String bearer, String bundle) {
        return http.send("POST", "/notification", bundle, "Content-Type", "application/json", "Authorization", bearer);
    }

    private static Ack resend(Http http, String bearer, String bundle) {
        return Ack.of(post(http, bearer, bundle));
    }

    private static void assertReadable(Http http, String registrar, Ack ack, String what) {
        var record = http.get("/records/" + ack.compositionId(), "Authorization", registrar);
        assertThat(record.status()).as(what + " " + ack + ": " + record).isEqualTo(200);
        var bundle = record.json();
        assertThat(bundle.path("id").asText()).isEqualTo(ack.compositionId());
        var composition = bundle.path("entry").path(0).path("resource");
        assertThat(composition.path("resourceType").asText()).isEqualTo("Composition");
        assertThat(composition.path("identifier").path("value").asText()).as(ack.toString()).isEqualTo(ack.trackingId());
        var task = bundle.path("entry").path(1).path("resource");
        assertThat(task.path("identifier").findValuesAsText("value")).as(ack.toString()).contains(ack.trackingId());
    }

    // ---- the server as a process ------------------------------------------------------------------------------

    private JsonNode createHealthClient() {
        var run = CrvsJar.run(List.of("clients", "create", "--type", "HEALTH", "--name", "Durability " + UUID.randomUUID(),
                "--data", dataDir.toString()), env);
        assertThat(run.exit()).as(run.toString()).isZero();
        return run.json();
    }

    private CrvsJar.Server start() {
        var server = CrvsJar.serve(dataDir, env);
        servers.add(server);
        return server;
    }

    private static String token(Http http, JsonNode client) {
        return ClientTokens.accessToken(http, client.get("client_id").asText(), client.get("client_secret").asText());
    }

    /** The seeded Local Registrar of the office, logged in with the development code. */
    private static String registrarToken(Http http) {
        return Staff.login(http, "k.mweene", Staff.SEED_PASSWORD);
    }

    // ---- small helpers ----------------------------------------------------------------------------------------

    /** Runs {@code check} on every item with as many threads as there were senders; rethrows the first failure. */
    private static <T> void inParallel(Collection<T> items, Consumer<T> check) throws Exception {
        var pool = Executors.newFixedThreadPool(SENDERS);
        try {
            var futures = new ArrayList<Future<?>>();
            for (var item : List.copyOf(items)) {
                futures.add(pool.submit(() -> check.accept(item)));
            }
            for (var future : futures) {
                try {
                    future.get(CrvsJar.PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failure) {
                        throw failure;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** OpenCRVS's "Create Birth Notification (Min)" sample for Farajaland's Ibombo office. */
    private static String template() {
        try (InputStream in = NotificationDurabilityContract.class.getResourceAsStream("durability-birth-notification.json")) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains(IDENTIFIER_PLACEHOLDER);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
