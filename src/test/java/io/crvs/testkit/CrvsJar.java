package io.crvs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code crvs} command line as operators run it: the real fat jar ({@code target/crvs.jar}, built by
 * {@code mvn package} before the integration tests) in a child process, with no crvs setting inherited from the
 * test runner. A command runs to its end ({@link #run}); {@code serve} keeps running until the test stops it
 * ({@link #serve}).
 */
public final class CrvsJar {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a command, or a server's start, may take before the test fails rather than hangs. */
    public static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);

    private CrvsJar() {
    }

    /** What a finished command printed. */
    public record Run(int exit, String stdout, String stderr) {
        /** The non-blank lines on stdout. */
        public List<String> stdoutLines() {
            return stdout.lines().filter(l -> !l.isBlank()).toList();
        }

        /** The one JSON line on stdout. */
        public JsonNode json() {
            var lines = stdoutLines();
            assertThat(lines).as("stdout: exactly one JSON line; " + this).hasSize(1);
            return parse(lines.getFirst());
        }

        /** The one JSON error line on stderr. */
        public JsonNode error() {
            var lines = stderr.lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).as("stderr: exactly one JSON error line; " + this).hasSize(1);
            return parse(lines.getFirst());
        }

        /** Operators see messages, never a Java stack trace, on either stream. */
        public Run assertNoStackTrace() {
            assertThat(stderr).as(toString()).doesNotContain("\tat ").doesNotContain("Exception in thread")
                    .doesNotContain("Caused by:");
            assertThat(stdout).as(toString()).doesNotContain("\tat ");
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** {@code java -jar target/crvs.jar args…} with {@code environment} and no crvs setting inherited; not started. */
    public static ProcessBuilder command(List<String> args, Map<String, String> environment) {
        var jar = Path.of("target", "crvs.jar").toAbsolutePath();
        assertThat(jar).as("the fat jar is built by 'mvn package' before integration tests").exists();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CRVS_") || k.startsWith("CONFIG_") || k.startsWith("CERT_"));
        env.putAll(environment);
        return builder;
    }

    /** Runs a command to its end and returns what it printed. */
    public static Run run(List<String> args, Map<String, String> environment) {
        var builder = command(args, environment);
        try {
            var out = Files.createTempFile("crvs-cli-", ".out");
            var err = Files.createTempFile("crvs-cli-", ".err");
            try {
                var process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("Command did not finish: " + builder.command());
                }
                return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code crvs serve} on a free port on {@code dataDir} and waits until {@code GET /health} answers 200;
     * fails the test at once if the process exits instead.
     */
    public static Server serve(Path dataDir, Map<String, String> environment) {
        var port = freePort();
        Server server;
        try {
            var out = Files.createTempFile("crvs-serve-", ".out");
            var err = Files.createTempFile("crvs-serve-", ".err");
            var process = command(List.of("serve", "--port", Integer.toString(port), "--data", dataDir.toString()),
                    environment).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            server = new Server(process, new Http("http://127.0.0.1:" + port), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Await.until(PROCESS_TIMEOUT, () -> "GET /health = 200\n" + server.logs(), server::healthy);
            return server;
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running {@code crvs serve}: the process, a client for it, and what it writes. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final Http http;
        private final Path out;
        private final Path err;

        private Server(Process process, Http http, Path out, Path err) {
            this.process = process;
            this.http = http;
            this.out = out;
            this.err = err;
        }

        public Process process() {
            return process;
        }

        public Http http() {
            return http;
        }

        /** Everything written to stdout so far. */
        public String stdout() {
            return read(out);
        }

        /** Everything written to stderr so far. */
        public String stderr() {
            return read(err);
        }

        /** The ends of both streams, for failure messages. */
        public String logs() {
            return "stdout:\n" + tail(stdout()) + "\nstderr:\n" + tail(stderr());
        }

        private boolean healthy() {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + "\n" + logs());
            }
            try {
                return http.get("/health").status() == 200;
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        }

        /** Kills the process if it still runs and deletes its output files. */
        @Override
        public void close() {
            try {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                deleteQuietly(out);
                deleteQuietly(err);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file harms nothing.
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }
}
