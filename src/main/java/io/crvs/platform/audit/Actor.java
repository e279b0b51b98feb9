package io.crvs.platform.audit;

import java.util.Objects;

/**
 * Who did something and from where: {@code type} is {@code client}, {@code user}, {@code cli}, {@code system} or
 * {@code anonymous}; {@code id} the client's or user's internal id (or the operating-system user for the CLI).
 */
public record Actor(String type, String id, String ip, String userAgent, String requestId) {
    public Actor {
        Objects.requireNonNull(type, "type");
    }

    public static Actor anonymous(String ip, String userAgent, String requestId) {
        return new Actor("anonymous", null, ip, userAgent, requestId);
    }

    /** The operator at the command line, identified by the operating-system account. */
    public static Actor commandLine() {
        return new Actor("cli", System.getProperty("user.name", "unknown"), "local", "crvs-cli", null);
    }

    public static Actor system(String component) {
        return new Actor("system", component, "local", null, null);
    }

    /** The same request, now attributed to an authenticated principal. */
    public Actor as(String newType, String newId) {
        return new Actor(newType, newId, ip, userAgent, requestId);
    }
}
