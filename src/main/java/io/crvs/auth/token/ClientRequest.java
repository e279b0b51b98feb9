package io.crvs.auth.token;

import com.fasterxml.jackson.core.JsonFactory;
import io.crvs.platform.http.Requests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters and client credentials of a request to an OAuth endpoint ({@code /token}, {@code /revoke},
 * {@code /introspect}), from HTTP Basic (RFC 6749 §2.3.1, the preferred form), a form body, or, for OpenCRVS
 * compatibility, the query string. Empty values count as absent (RFC 6749 §3.2), so the documented
 * {@code grant_type=&grant_type=client_credentials} works; two different non-empty values for one parameter,
 * or credentials sent two ways, are {@code invalid_request}.
 *
 * @param parameters one value per parameter name that carried a non-empty value
 */
public record ClientRequest(Map<String, String> parameters, Optional<String> clientId,
        Optional<String> clientSecret, Method method) {

    static final Set<String> READ = Set.of("grant_type", "client_id", "client_secret", "scope", "token",
            "token_type_hint");
    private static final int MAX_VALUE = 8192;
    private static final JsonFactory JSON = new JsonFactory();

    /** How the client presented its credentials. */
    public enum Method {
        BASIC("client_secret_basic"), POST("client_secret_post"), QUERY("query"), NONE("none");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The parts of an HTTP request that matter here. */
    public record Raw(String query, String contentType, String body, String authorization) {
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public static ClientRequest parse(Raw raw, boolean legacyQueryCredentials) {
        var query = parseForm(raw.query(), "query string");
        var body = bodyParameters(raw);
        var merged = new HashMap<String, String>();
        for (var name : READ) {
            single(name, query.getOrDefault(name, List.of()), body.getOrDefault(name, List.of()))
                    .ifPresent(value -> merged.put(name, value));
        }
        boolean credentialsInQuery = hasValue(query, "client_id") || hasValue(query, "client_secret");
        if (credentialsInQuery && !legacyQueryCredentials) {
            throw invalid("Client credentials in the URL are disabled on this server; use HTTP Basic or a form body");
        }
        var basic = basic(raw.authorization());
        if (basic.isPresent()) {
            return withBasic(merged, basic.get());
        }
        var method = hasValue(query, "client_secret") ? Method.QUERY
                : merged.containsKey("client_secret") ? Method.POST : Method.NONE;
        return new ClientRequest(Map.copyOf(merged), Optional.ofNullable(merged.get("client_id")),
                Optional.ofNullable(merged.get("client_secret")), method);
    }

    private static ClientRequest withBasic(Map<String, String> merged, String[] credentials) {
        if (merged.containsKey("client_secret")) {
            throw invalid("Use exactly one client authentication method: HTTP Basic or client_secret, not both");
        }
        var paramId = merged.get("client_id");
        if (paramId != null && !paramId.equals(credentials[0])) {
            throw invalid("client_id differs from the HTTP Basic user name");
        }
        merged.put("client_id", credentials[0]);
        merged.put("client_secret", credentials[1]);
        return new ClientRequest(Map.copyOf(merged), Optional.of(credentials[0]).filter(s -> !s.isEmpty()),
                Optional.of(credentials[1]).filter(s -> !s.isEmpty()), Method.BASIC);
    }

    private static Map<String, List<String>> bodyParameters(Raw raw) {
        var body = raw.body() == null ? "" : raw.body();
        var type = raw.contentType() == null ? "" : Requests.mediaType(raw.contentType());
        if (type.equals("application/x-www-form-urlencoded")) {
            return parseForm(body, "form body");
        }
        // OpenCRVS's Postman collection sends Content-Type: application/json with an empty body, and OpenCRVS
        // ignores any body on /token: so do we for JSON. Other non-empty bodies are a mistake worth naming.
        if (body.isBlank()) {
            return Map.of();
        }
        if (!type.equals("application/json")) {
            throw invalid("Send parameters as application/x-www-form-urlencoded");
        }
        requireWellFormedJson(body);
        return Map.of();
    }

    /** Ignored, but read: hapi parses a JSON body before the handler runs and answers 400 when it cannot. */
    private static void requireWellFormedJson(String body) {
        try (var parser = JSON.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid("The body is not valid JSON: data follows the value");
            }
        } catch (IOException e) {
            throw invalid("The body is not valid JSON");
        }
    }

    private static Optional<String> single(String name, List<String> fromQuery, List<String> fromBody) {
        var values = new LinkedHashSet<String>();
        fromQuery.stream().filter(v -> !v.isEmpty()).forEach(values::add);
        fromBody.stream().filter(v -> !v.isEmpty()).forEach(values::add);
        if (values.size() > 1) {
            throw invalid("Parameter " + name + " was sent more than once with different values");
        }
        var value = values.stream().findFirst();
        if (value.isPresent() && value.get().length() > MAX_VALUE) {
            throw invalid("Parameter " + name + " is too long");
        }
        return value;
    }

    /** RFC 6749 §2.3.1: user name and password are each form-urlencoded before the Basic encoding. */
    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.empty();
        }
        try {
            var decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalid("Malformed HTTP Basic credentials: no colon");
            }
            return Optional.of(new String[] {FormParameters.decode(decoded.substring(0, colon)),
                    FormParameters.decode(decoded.substring(colon + 1))});
        } catch (IllegalArgumentException e) {
            throw invalid("Malformed HTTP Basic credentials");
        }
    }

    private static Map<String, List<String>> parseForm(String text, String where) {
        try {
            return FormParameters.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid("Malformed percent-encoding in the " + where);
        }
    }

    private static boolean hasValue(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().anyMatch(v -> !v.isEmpty());
    }

    private static OAuthErrorException invalid(String detail) {
        return new OAuthErrorException(OAuthError.INVALID_REQUEST, detail);
    }

    @Override
    public String toString() {
        return "ClientRequest[clientId=" + clientId.orElse("-") + ", method=" + method + "]";
    }
}
