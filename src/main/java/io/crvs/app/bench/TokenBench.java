package io.crvs.app.bench;

import io.crvs.auth.IssuedClient;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code crvs bench token}: starts a server, warms it up, then drives {@code POST /token} over real HTTP on
 * loopback at rising concurrency and prints tokens/s and latency, beside the raw RS256 signing rate of the
 * provider in use on all cores. Also measures the bearer-protected {@code GET /whoami}.
 */
public final class TokenBench {
    private final PrintStream out;

    public TokenBench(PrintStream out) {
        this.out = out;
    }

    public void run(double warmupSeconds, double seconds, List<Integer> levels, boolean whoami) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (var server = BenchServer.start()) {
            var client = server.client("bench " + UUID.randomUUID());
            var load = new LoadGenerator("127.0.0.1", server.port());
            var request = tokenRequest(client);
            out.printf(Locale.ROOT, "crvs bench token: %d cores, Java %s, signing provider %s, %d-bit key, %s database%n",
                    cores, Runtime.version(), server.app.auth().signingKeys().providerName(),
                    server.app.auth().signingKeys().current().publicKey().getModulus().bitLength(),
                    server.app.config().database().dialect());
            out.printf(Locale.ROOT, "warming up for %.0f s ...%n", warmupSeconds);
            load.run(16, warmupSeconds, i -> () -> request);
            out.printf(Locale.ROOT, "%-12s %12s %10s %10s %8s%n", "concurrency", "tokens/s", "p50 ms", "p99 ms", "errors");
            double best = 0;
            for (int level : levels) {
                var result = load.run(level, seconds, i -> () -> request);
                best = Math.max(best, result.perSecond());
                out.printf(Locale.ROOT, "%-12d %12.0f %10.2f %10.2f %8d%n", level, result.perSecond(),
                        result.p50Millis(), result.p99Millis(), result.errors());
            }
            double signing = SigningBench.signaturesPerSecond(server.app.auth().signingKeys(), cores, seconds);
            out.printf(Locale.ROOT, "raw RS256 signing, %d threads: %.0f signatures/s%n", cores, signing);
            out.printf(Locale.ROOT, "best tokens/s ÷ signing rate: %.0f%%%n", 100 * best / signing);
            if (whoami) {
                whoami(load, client, server.port(), seconds);
            }
        }
    }

    private void whoami(LoadGenerator load, IssuedClient client, int port, double seconds) throws Exception {
        var token = BenchTokens.fetch("127.0.0.1", port, tokenRequest(client));
        var request = LoadGenerator.get("127.0.0.1", "/whoami", "Authorization", "Bearer " + token);
        load.run(16, Math.min(seconds, 15), i -> () -> request);
        out.printf(Locale.ROOT, "%-12s %12s %10s %10s %8s%n", "whoami conc.", "requests/s", "p50 ms", "p99 ms", "errors");
        for (int level : List.of(16, 64)) {
            var result = load.run(level, seconds, i -> () -> request);
            out.printf(Locale.ROOT, "%-12d %12.0f %10.2f %10.2f %8d%n", level, result.perSecond(), result.p50Millis(),
                    result.p99Millis(), result.errors());
        }
    }

    static byte[] tokenRequest(IssuedClient client) {
        var body = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client.client().clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
        return LoadGenerator.post("127.0.0.1", "/token", "application/x-www-form-urlencoded", body);
    }
}
