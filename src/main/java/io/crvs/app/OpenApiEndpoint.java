package io.crvs.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.http.Endpoint;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, a resource read once at start-up (a
 * missing or malformed document stops start-up rather than serving nothing). Public, like OpenCRVS's metadata.
 */
final class OpenApiEndpoint implements Endpoint {
    private static final String RESOURCE = "/openapi.json";
    private final byte[] document;

    OpenApiEndpoint(ObjectMapper json) {
        this.document = load(json);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.header("Cache-Control", "public, max-age=300")
                .contentType("application/json").result(document));
    }

    private static byte[] load(ObjectMapper json) {
        try (var stream = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the build");
            }
            var bytes = stream.readAllBytes();
            json.readTree(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("The resource " + RESOURCE + " is not readable JSON", e);
        }
    }
}
