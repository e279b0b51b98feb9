package io.crvs.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code crvs bench login}: the full two-factor login of OpenCRVS's development users ({@code POST /authenticate}
 * then {@code POST /verifyCode} with the development code) at rising concurrency. Password hashing dominates, so
 * the figure is mostly the Argon2id cost chosen.
 */
public final class LoginBench {
    private static final List<String> USERS = List.of("k.bwalya", "f.katongo", "k.mweene", "e.mayuka", "p.gondwe",
            "j.mutale", "d.bulaya", "a.ngonga", "j.campbell", "e.kazembe", "j.musonda");
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public LoginBench(PrintStream out) {
        this.out = out;
    }

    public void run(double warmupSeconds, double seconds, List<Integer> levels) throws Exception {
        try (var server = BenchServer.start()) {
            out.printf(Locale.ROOT, "crvs bench login: %d cores, Java %s, %s, %s database%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), server.app.users().passwordParameters(),
                    server.app.config().database().dialect());
            var base = "http://127.0.0.1:" + server.port();
            out.printf(Locale.ROOT, "warming up for %.0f s ...%n", warmupSeconds);
            measure(base, 4, warmupSeconds);
            out.printf(Locale.ROOT, "%-12s %12s %10s %10s %8s%n", "concurrency", "logins/s", "p50 ms", "p99 ms", "errors");
            for (int level : levels) {
                var result = measure(base, level, seconds);
                out.printf(Locale.ROOT, "%-12d %12.1f %10.1f %10.1f %8d%n", level, result.perSecond(), result.p50Millis(),
                        result.p99Millis(), result.errors());
            }
        }
    }

    private LoadGenerator.Result measure(String base, int concurrency, double seconds) throws InterruptedException {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return LoadGenerator.closedLoop(concurrency, seconds, index -> (latencies, stop, errors) -> {
            var user = USERS.get(index % USERS.size());
            int count = 0;
            while (!stop.get()) {
                long begin = System.nanoTime();
                if (!login(http, base, user)) {
                    errors.incrementAndGet();
                }
                if (count < latencies.length) {
                    latencies[count] = System.nanoTime() - begin;
                }
                count++;
            }
            return count;
        });
    }

    private boolean login(HttpClient http, String base, String username) {
        try {
            var started = post(http, base + "/authenticate", "{\"username\":\"" + username + "\",\"password\":\"test\"}");
            if (started == null) {
                return false;
            }
            var nonce = json.readTree(started).path("nonce").asText();
            return post(http, base + "/verifyCode", json.createObjectNode().put("nonce", nonce).put("code", "000000").toString()) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }
}
