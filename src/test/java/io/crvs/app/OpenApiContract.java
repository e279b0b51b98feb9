package io.crvs.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.AppContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} describes the running server: it is OpenAPI 3.1, every route the app registers is
 * documented with the same method (and every documented operation is served), references resolve, path
 * parameters are declared, and what the document calls public or protected is what the server does.
 */
public abstract class OpenApiContract extends AppContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private JsonNode document() {
        var response = http().get("/openapi.json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        return response.json();
    }

    /** {@code /users/{id}}, {@code /users/<id>} and {@code /users/{userId}} are the same route. */
    private static String normalise(String path) {
        return path.replaceAll("\\{[^}/]+}", "{}").replaceAll("<[^>/]+>", "{}");
    }

    private Set<String> served() {
        var routes = app.app().routes();
        assertThat(routes).as("the app reports its routes").isNotEmpty();
        return routes.stream().map(r -> r.method().toUpperCase(Locale.ROOT) + " " + normalise(r.path()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> documented(JsonNode document) {
        var operations = new TreeSet<String>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()))));
        return operations;
    }

    @Test
    void openapiWhenFetchedWithoutTokenThenOpenApi31Json() {
        var document = document();
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.[0-9]+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("paths").size()).isPositive();
        var schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.path("clientCredentials").path("flows").path("clientCredentials").path("tokenUrl").asText())
                .isEqualTo("/token");
    }

    @Test
    void openapiWhenComparedWithRegisteredRoutesThenEveryRouteDocumentedWithItsMethod() {
        var served = served();
        var documented = documented(document());
        assertThat(served).as("routes the app registers but /openapi.json does not describe")
                .isSubsetOf(documented);
        var notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(notServed).as("operations /openapi.json describes but the app does not serve")
                .isEmpty();
    }

    @Test
    void openapiWhenReferencesFollowedThenEveryOneResolves() {
        var document = document();
        var refs = new ArrayList<String>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (var ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("unresolved " + ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void openapiWhenOperationsReadThenEachHasResponsesSecurityAndItsPathParameters() {
        var document = document();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey())).forEach(op -> {
                    var name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    var operation = op.getValue();
                    assertThat(operation.path("summary").asText()).as(name).isNotBlank();
                    assertThat(operation.path("responses").size()).as(name + " responses").isPositive();
                    assertThat(operation.path("security").isArray()).as(name + " states its security").isTrue();
                    if (isProtected(operation)) {
                        assertThat(operation.path("responses").has("401")).as(name + " documents 401").isTrue();
                    }
                    var declared = new TreeSet<String>();
                    for (var parameter : operation.path("parameters")) {
                        var resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1))
                                : parameter;
                        if (resolved.path("in").asText().equals("path")) {
                            declared.add(resolved.path("name").asText());
                        }
                    }
                    var inTemplate = new TreeSet<String>();
                    TEMPLATE_PARAMETER.matcher(path.getKey()).results().forEach(m -> inTemplate.add(m.group(1)));
                    assertThat(declared).as(name + " path parameters").isEqualTo(inTemplate);
                }));
    }

    /** Protected: no alternative without credentials, and none of them client authentication in the body. */
    private static boolean isProtected(JsonNode operation) {
        var security = operation.path("security");
        if (security.isEmpty()) {
            return false;
        }
        for (var requirement : security) {
            if (requirement.isEmpty() || requirement.has("clientBasic")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void openapiWhenRoutesCalledWithoutCredentialsThenProtectedOnes401AndPublicOnesNot() {
        var document = document();
        var served = served();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey())).forEach(op -> {
                    var method = op.getKey().toUpperCase(Locale.ROOT);
                    if (!served.contains(method + " " + normalise(path.getKey()))) {
                        return;
                    }
                    var concrete = TEMPLATE_PARAMETER.matcher(path.getKey()).replaceAll("no-such-id");
                    var response = http().send(method, concrete, null);
                    var security = op.getValue().path("security");
                    if (isProtected(op.getValue())) {
                        assertThat(response.status()).as(method + " " + concrete + " is documented as protected: "
                                + response).isEqualTo(401);
                    } else if (security.isEmpty()) {
                        assertThat(response.status()).as(method + " " + concrete + " is documented as public: "
                                + response).isNotIn(401, 403);
                    }
                }));
    }
}
