package io.crvs.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code crvs bench notify}: starts a server, warms it up, then posts realistic birth notifications (OpenCRVS's
 * published "Birth Notification (Max)" bundle, a new Composition identifier each time so every request creates a
 * record) to {@code POST /notification} over real HTTP at rising concurrency; prints notifications/s and latency.
 */
public final class NotifyBench {
    private static final Pattern PLACEHOLDER = Pattern.compile("__([a-z0-9_]+)__");
    private final PrintStream out;

    public NotifyBench(PrintStream out) {
        this.out = out;
    }

    public void run(double warmupSeconds, double seconds, List<Integer> levels) throws Exception {
        try (var server = BenchServer.start()) {
            var client = server.client("bench " + UUID.randomUUID());
            var token = BenchTokens.fetch("127.0.0.1", server.port(), TokenBench.tokenRequest(client));
            var template = template();
            var load = new LoadGenerator("127.0.0.1", server.port());
            out.printf(Locale.ROOT, "crvs bench notify: %d cores, Java %s, %s database, %d-byte bundles%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), server.app.config().database().dialect(),
                    template[0].length() + template[1].length() + 36);
            out.printf(Locale.ROOT, "warming up for %.0f s ...%n", warmupSeconds);
            load.run(8, warmupSeconds, i -> requests(template, token));
            out.printf(Locale.ROOT, "%-12s %16s %10s %10s %8s%n", "concurrency", "notifications/s", "p50 ms", "p99 ms", "errors");
            for (int level : levels) {
                var result = load.run(level, seconds, i -> requests(template, token));
                out.printf(Locale.ROOT, "%-12d %16.0f %10.2f %10.2f %8d%n", level, result.perSecond(), result.p50Millis(),
                        result.p99Millis(), result.errors());
            }
        }
    }

    /** A new request (a new Composition identifier) each time it is asked. */
    private static Supplier<byte[]> requests(String[] template, String token) {
        return () -> LoadGenerator.post("127.0.0.1", "/notification", "application/json",
                template[0] + UUID.randomUUID() + template[1], "Authorization", "Bearer " + token);
    }

    /** The bundle split around its identifier, every other placeholder filled once. */
    private static String[] template() {
        try (var stream = NotifyBench.class.getResourceAsStream("/bench/birth-notification.json")) {
            var text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            var filled = PLACEHOLDER.matcher(text).replaceAll(m -> m.group(1).equals("identifier") ? "__identifier__"
                    : uuidFor(m.group(1)));
            var at = filled.indexOf("__identifier__");
            return new String[] {filled.substring(0, at), filled.substring(at + "__identifier__".length())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uuidFor(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
