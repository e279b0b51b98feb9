package io.crvs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operator routes and the headers every response carries: liveness, readiness, Prometheus metrics, problem JSON
 * for unknown routes and wrong methods, request ids, and no server fingerprint.
 */
public abstract class OpsContract extends AppContract {

    private static void assertCommonHeaders(Response response) {
        assertThat(response.header("X-Request-Id").orElseThrow()).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertNoFingerprint(response);
    }

    private static void assertNoFingerprint(Response response) {
        assertThat(response.header("Server").orElse("")).doesNotContainIgnoringCase("jetty")
                .doesNotContainIgnoringCase("javalin");
        assertThat(response.header("X-Powered-By")).isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("jetty");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("type").asText()).isEqualTo("urn:crvs:problem:" + code);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void pingWhenCalledThenSuccessTrue() {
        var response = http().get("/ping");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertCommonHeaders(response);
    }

    @Test
    void healthWhenDatabaseAndKeysReadyThenUpWithChecks() {
        var response = http().get("/health");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        var body = response.json();
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").get("database").get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").get("signing_keys").get("status").asText()).isEqualTo("UP");
        var kid = body.get("checks").get("signing_keys").get("current_kid").asText();
        assertThat(http().get("/.well-known/jwks.json").json().get("keys").findValuesAsText("kid")).contains(kid);
        assertThat(response.body()).doesNotContain("password").doesNotContain("jdbc:");
        assertCommonHeaders(response);
    }

    @Test
    void metricsWhenScrapedThenPrometheusTextWithHttpAndJvmMetrics() {
        http().get("/ping");
        var response = http().get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("# TYPE http_server_requests_seconds")
                .contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/ping\"[^}]*\\} [0-9.]+")
                .contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads")
                .doesNotContain("<html");
        assertCommonHeaders(response);
    }

    @Test
    void metricsWhenUnknownPathsRequestedThenRouteTagDoesNotExplode() {
        for (int i = 0; i < 5; i++) {
            http().get("/no/such/route/" + i);
        }
        var body = http().get("/metrics").body();
        assertThat(body).doesNotContain("/no/such/route/").contains("route=\"unmatched\"");
    }

    @Test
    void unknownRouteWhenCalledThen404ProblemJson() {
        var response = http().get("/definitely/not/here");
        assertProblem(response, 404, "not_found");
        assertThat(response.json().get("instance").asText()).isEqualTo("/definitely/not/here");
        assertThat(response.json().get("request_id").asText()).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertCommonHeaders(response);
    }

    @Test
    void pingWhenWrongMethodThen405ProblemJsonWithAllow() {
        for (var method : List.of("POST", "PUT", "DELETE")) {
            var response = http().send(method, "/ping", null);
            assertProblem(response, 405, "method_not_allowed");
            assertThat(response.header("Allow").orElseThrow()).contains("GET");
            assertCommonHeaders(response);
        }
    }

    @Test
    void requestIdWhenSafeThenEchoed() {
        var response = http().get("/ping", "X-Request-Id", "abc-123");
        assertThat(response.header("X-Request-Id")).hasValue("abc-123");
        var problem = http().get("/nowhere", "X-Request-Id", "trace:42.a_b");
        assertThat(problem.header("X-Request-Id")).hasValue("trace:42.a_b");
        assertThat(problem.json().get("request_id").asText()).isEqualTo("trace:42.a_b");
    }

    @Test
    void requestIdWhenUnsafeOrTooLongThenReplaced() {
        for (var unsafe : List.of("abc 123", "a".repeat(100), "<script>", "x\"y", "ab/../cd", "a,b")) {
            var response = http().get("/ping", "X-Request-Id", unsafe);
            var echoed = response.header("X-Request-Id").orElseThrow();
            assertThat(echoed).as(unsafe).isNotEqualTo(unsafe).matches("[A-Za-z0-9._:-]{1,64}");
        }
        var raw = http().sendRaw("GET", "/ping", null, "X-Request-Id", "evil\u00e9id");
        assertThat(raw.header("X-Request-Id").orElseThrow()).isNotEqualTo("evil\u00e9id").matches("[A-Za-z0-9._:-]{1,64}");
    }

    @Test
    void requestIdWhenNoneSentThenEachResponseGetsADistinctOne() {
        var first = http().get("/ping").header("X-Request-Id").orElseThrow();
        var second = http().get("/ping").header("X-Request-Id").orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void jettyLevelErrorsWhenRequestTooLargeThenProblemJsonWithoutFingerprint() {
        var response = http().sendRaw("GET", "/ping?x=" + "a".repeat(20_000), null);
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertNoFingerprint(response);
        var headers = http().sendRaw("GET", "/ping", null, "X-Big", "b".repeat(20_000));
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertNoFingerprint(headers);
    }

    @Test
    void responsesWhenAnyThenNotCachedAndNoReferrer() {
        for (var path : List.of("/ping", "/health", "/nowhere")) {
            var response = http().get(path);
            assertThat(response.header("Cache-Control")).as(path).hasValue("no-store");
            assertThat(response.header("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }
}
