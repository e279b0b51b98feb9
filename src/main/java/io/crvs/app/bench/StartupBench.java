package io.crvs.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code crvs bench startup}: starts {@code crvs serve} as a separate process with this JVM's options and times
 * how long until it serves its first token (a client created beforehand), and its resident memory then. The
 * first start on a fresh data folder (migrations, key generation, sample country) is timed to {@code /health}.
 */
public final class StartupBench {
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StartupBench(PrintStream out) {
        this.out = out;
    }

    public void run(int runs) throws Exception {
        var data = Files.createTempDirectory("crvs-startup-");
        out.printf(Locale.ROOT, "crvs bench startup: %d cores, Java %s, JVM options %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), jvmOptions());
        var first = serve(data);
        try {
            long began = first.began();
            waitFor(() -> status(get(first.port(), "/health")) == 200);
            out.printf(Locale.ROOT, "first start on a fresh data folder: /health ready after %d ms%n", (System.nanoTime() - began) / 1_000_000);
        } finally {
            stop(first.process());
        }
        var client = new ObjectMapper().readTree(run(List.of("clients", "create", "--type", "HEALTH", "--name",
                "startup bench", "--data", data.toString())));
        var form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client.get("client_id").asText(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(client.get("client_secret").asText(), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%-6s %22s %12s%n", "run", "first token after (ms)", "RSS (MB)");
        for (int i = 1; i <= runs; i++) {
            var server = serve(data);
            try {
                waitFor(() -> status(post(server.port(), "/token", form)) == 200);
                long millis = (System.nanoTime() - server.began()) / 1_000_000;
                out.printf(Locale.ROOT, "%-6d %22d %12d%n", i, millis, rssMegabytes(server.process().pid()));
            } finally {
                stop(server.process());
            }
        }
    }

    private record Server(Process process, int port, long began) {
    }

    private Server serve(Path data) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>(base());
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--data", data.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CRVS_ACCESS_LOG_LEVEL", "WARN");
        long began = System.nanoTime();
        return new Server(builder.start(), port, began);
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>(base());
        command.addAll(arguments);
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("crvs " + arguments.getFirst() + " failed");
        }
        return output;
    }

    /** java, this JVM's options, -jar, this jar. */
    private static List<String> base() {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(jar());
        return command;
    }

    /** This JVM's options; a class-data archive made for the other commands is swapped for the server's. */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent"))
                .map(arg -> arg.startsWith("-XX:SharedArchiveFile=") ? arg.replace("crvs-cli.jsa", "crvs-serve.jsa") : arg)
                .toList();
    }

    private static String jar() {
        try {
            return Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private void waitFor(BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not answer within 60 s");
            }
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private HttpResponse<String> post(int port, String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
