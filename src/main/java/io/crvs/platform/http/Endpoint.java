package io.crvs.platform.http;

import io.javalin.config.RoutesConfig;

/** An HTTP adapter of one module: registers its own routes. */
public interface Endpoint {
    void register(RoutesConfig routes);
}
