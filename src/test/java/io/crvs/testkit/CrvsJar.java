package io.crvs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code crvs} command line as operators run it: the real fat jar ({@code target/crvs.jar}, built by
 * {@code mvn package} before the integration tests) in a child process, with no crvs setting inherited from the
 * test runner.
 */
public final class CrvsJar {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private CrvsJar() {
    }

    /** What a finished command printed. */
    public record Run(int exit, String stdout, String stderr) {
        /** The one JSON line on stdout. */
        public JsonNode json() {
            var lines = stdout.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("stdout: exactly one JSON line; " + this).hasSize(1);
            return parse(lines.getFirst());
        }

        /** The one JSON error line on stderr. */
        public JsonNode error() {
            var lines = stderr.lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).as("stderr: exactly one JSON error line; " + this).hasSize(1);
            return parse(lines.getFirst());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    public static Run run(List<String> args, Map<String, String> environment) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        var jar = Path.of("target", "crvs.jar").toAbsolutePath();
        assertThat(jar).as("the fat jar is built by 'mvn package' before integration tests").exists();
        command.add(jar.toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CRVS_") || k.startsWith("CONFIG_") || k.startsWith("CERT_"));
        env.putAll(environment);
        try {
            var out = Files.createTempFile("crvs-cli-", ".out");
            var err = Files.createTempFile("crvs-cli-", ".err");
            try {
                var process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("Command did not finish: " + command);
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

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }
}
