package io.crvs.platform.db;

/** The two databases crvs runs on. H2 runs in PostgreSQL compatibility mode so most SQL is shared. */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The Flyway folder holding this dialect's own migrations, beside {@code common}. */
    public String migrationFolder() {
        return folder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:postgresql: or jdbc:h2:): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }
}
