package io.crvs.platform.fhir;

import java.util.List;

/**
 * A FHIR request that cannot be processed, answered as an {@code OperationOutcome} with the status HAPI would use
 * (400 for an invalid resource or parameter, 404 for an unknown id, 409 for a conflict, 415 for a body that is not
 * JSON). Each issue names the
 * element at fault in {@code expression}.
 */
public final class FhirProblem extends RuntimeException {
    private final int status;
    private final List<Issue> issues;

    public FhirProblem(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "FHIR request refused" : issues.getFirst().diagnostics(), null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public static FhirProblem invalid(String expression, String diagnostics) {
        return new FhirProblem(400, List.of(new Issue("invalid", diagnostics, expression)));
    }

    public static FhirProblem required(String expression, String diagnostics) {
        return new FhirProblem(400, List.of(new Issue("required", diagnostics, expression)));
    }

    public static FhirProblem conflict(String expression, String diagnostics) {
        return new FhirProblem(409, List.of(new Issue("conflict", diagnostics, expression)));
    }

    /** HTTP 415: the body is not in a media type the route reads. */
    public static FhirProblem unsupportedMediaType(String diagnostics) {
        return new FhirProblem(415, List.of(new Issue("not-supported", diagnostics, null)));
    }

    public static FhirProblem notFound(String diagnostics) {
        return new FhirProblem(404, List.of(new Issue("not-found", diagnostics, null)));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }

    /**
     * One issue: an {@code OperationOutcome.issue.code} (invalid, required, value, not-found, conflict, forbidden …),
     * a human text, and the FHIRPath-like location of the element (may be null).
     */
    public record Issue(String code, String diagnostics, String expression) {
    }
}
