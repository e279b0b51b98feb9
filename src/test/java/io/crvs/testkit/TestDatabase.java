package io.crvs.testkit;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two databases every contract runs on. H2 is a real file database in the test's data folder. PostgreSQL is
 * the server named by {@code CRVS_TEST_PG_URL} (the test script starts one); each test app gets a fresh schema
 * of its own. Without that variable PostgreSQL tests fail, never skip.
 */
public enum TestDatabase {
    H2, POSTGRES;

    /** Environment entries that point crvs at a fresh database for one test app; empty for H2's default. */
    public Map<String, String> environment(String schema) {
        if (this == H2) {
            return Map.of();
        }
        var url = pgUrl();
        try (var connection = DriverManager.getConnection(url, pgUser(), pgPassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + url
                    + " (start it with ./scripts/test, or set CRVS_TEST_PG_URL/USER/PASSWORD): " + e.getMessage(), e);
        }
        var env = new HashMap<String, String>();
        env.put("CRVS_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("CRVS_DB_USER", pgUser());
        env.put("CRVS_DB_PASSWORD", pgPassword());
        env.put("CRVS_DB_POOL_SIZE", "8");
        return env;
    }

    public void drop(String schema) {
        if (this == POSTGRES) {
            try (var connection = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // Best effort: a leftover schema in a throwaway test database harms nothing.
            }
        }
    }

    public static String newSchemaName() {
        var bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "t_" + HexFormat.of().formatHex(bytes);
    }

    static String pgUrl() {
        var url = System.getenv("CRVS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("CRVS_TEST_PG_URL is not set: PostgreSQL tests cannot run. "
                    + "Run the suite with ./scripts/test, which starts PostgreSQL and sets it.");
        }
        return url;
    }

    static String pgUser() {
        return System.getenv().getOrDefault("CRVS_TEST_PG_USER", "crvs");
    }

    static String pgPassword() {
        return System.getenv().getOrDefault("CRVS_TEST_PG_PASSWORD", "crvs");
    }
}
