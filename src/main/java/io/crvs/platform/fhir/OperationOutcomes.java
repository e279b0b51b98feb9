package io.crvs.platform.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes {@link FhirProblem}s as FHIR R4 {@code OperationOutcome} JSON. */
public final class OperationOutcomes {
    public static final String CONTENT_TYPE = "application/fhir+json; charset=utf-8";

    private OperationOutcomes() {
    }

    public static ObjectNode of(FhirProblem problem, ObjectMapper json) {
        var outcome = json.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        var issues = outcome.putArray("issue");
        for (var issue : problem.issues()) {
            var node = issues.addObject();
            node.put("severity", "error");
            node.put("code", issue.code());
            node.put("diagnostics", issue.diagnostics());
            if (issue.expression() != null) {
                node.putArray("expression").add(issue.expression());
            }
        }
        return outcome;
    }
}
