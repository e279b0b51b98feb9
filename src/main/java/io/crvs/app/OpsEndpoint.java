package io.crvs.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.key.SigningKeys;
import io.crvs.platform.db.Database;
import io.crvs.platform.http.Endpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator routes: {@code GET /ping} (liveness, OpenCRVS's answer), {@code GET /health} (readiness: database
 * reachable, signing keys loaded) and {@code GET /metrics} (Prometheus text format).
 */
final class OpsEndpoint implements Endpoint {
    private final Database database;
    private final SigningKeys keys;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper json;

    OpsEndpoint(Database database, SigningKeys keys, PrometheusMeterRegistry metrics, ObjectMapper json) {
        this.database = database;
        this.keys = keys;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/ping", ctx -> ctx.contentType("application/json").result("{\"success\":true}"));
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    private void health(Context ctx) throws Exception {
        boolean databaseUp = database.isReachable();
        boolean keysLoaded = keysLoaded();
        var checks = new LinkedHashMap<String, Object>();
        checks.put("database", Map.of("status", databaseUp ? "UP" : "DOWN", "dialect", database.dialect().name()));
        checks.put("signing_keys", keysLoaded
                ? Map.of("status", "UP", "current_kid", keys.current().kid(), "provider", keys.providerName())
                : Map.of("status", "DOWN"));
        boolean up = databaseUp && keysLoaded;
        var body = new LinkedHashMap<String, Object>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        ctx.status(up ? 200 : 503).contentType("application/json").result(json.writeValueAsBytes(body));
    }

    private boolean keysLoaded() {
        try {
            return keys.current() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
