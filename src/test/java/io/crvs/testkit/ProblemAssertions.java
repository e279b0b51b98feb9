package io.crvs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.Http.Response;
import java.util.ArrayList;

/**
 * Assertions on crvs's RFC 9457 problem details ({@code application/problem+json}): the HTTP status, the
 * machine-readable {@code code} and its {@code type} URN, the status repeated in the body, and for validation
 * failures the fields named in {@code errors}.
 */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        var body = response.json();
        assertThat(body.path("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(body.path("type").asText()).as(response.toString()).isEqualTo("urn:crvs:problem:" + code);
        assertThat(body.path("status").asInt()).as(response.toString()).isEqualTo(status);
    }

    /** A 400 {@code validation_failed} whose {@code errors} name {@code field} (among others, maybe). */
    public static void assertFieldError(Response response, String field) {
        assertProblem(response, 400, "validation_failed");
        var fields = new ArrayList<String>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(response.toString()).contains(field);
    }
}
