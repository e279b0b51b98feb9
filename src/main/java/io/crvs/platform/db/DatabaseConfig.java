package io.crvs.platform.db;

import java.util.Objects;

/** Where the database is and how to log in. {@code toString} never shows the password. */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public Dialect dialect() {
        return Dialect.of(url);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
