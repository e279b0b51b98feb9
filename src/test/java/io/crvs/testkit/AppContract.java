package io.crvs.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every black-box contract: one real application per test class, on the database the concrete subclass
 * names ({@code XxxH2IT}, {@code XxxPostgresIT}). Tests share the app and keep out of each other's way by
 * creating their own clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppContract {
    protected TestApp app;
    private Path dataDir;

    protected abstract TestDatabase database();

    /** Extra environment for this class's app. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void startApp() throws IOException {
        dataDir = Files.createTempDirectory("crvs-test-");
        app = new TestApp(database(), dataDir, environment());
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
        deleteTree(dataDir);
    }

    protected Http http() {
        return app.http();
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
