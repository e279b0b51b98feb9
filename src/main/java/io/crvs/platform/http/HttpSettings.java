package io.crvs.platform.http;

import java.util.Set;

/**
 * How the HTTP server listens.
 *
 * @param host interface to bind ({@code 0.0.0.0} for all)
 * @param port TCP port, 0 for a random free one (tests)
 * @param maxBodyBytes largest request body accepted on any route
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Set<String> trustedProxies) {
    public HttpSettings {
        trustedProxies = Set.copyOf(trustedProxies);
    }
}
