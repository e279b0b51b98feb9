package io.crvs.locations.fhir;

import io.crvs.platform.problem.ProblemException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Errors on FHIR routes, as FHIR {@code OperationOutcome}s: one issue per problem, its {@code expression} naming
 * the parameter or field, and crvs's stable problem code in {@code details.coding} (system {@value #CODES}).
 */
final class OperationOutcomes {
    static final String CODES = "urn:crvs:problem";

    private OperationOutcomes() {
    }

    static OperationOutcome of(ProblemException problem) {
        return of(problem.status(), problem.code(), problem.detail(), problem.errors());
    }

    static OperationOutcome of(int status, String code, String detail, List<ProblemException.FieldError> errors) {
        var outcome = new OperationOutcome();
        if (errors.isEmpty()) {
            issue(outcome, status, code, detail);
        } else {
            for (var error : errors) {
                issue(outcome, status, code, error.field() + ": " + error.message()).addExpression(error.field());
            }
        }
        return outcome;
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(OperationOutcome outcome, int status,
            String code, String diagnostics) {
        var issue = outcome.addIssue().setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(type(status)).setDiagnostics(diagnostics);
        issue.getDetails().addCoding().setSystem(CODES).setCode(code);
        return issue;
    }

    /** The FHIR issue type HAPI's servers use for the same HTTP status. */
    private static IssueType type(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 415 -> IssueType.NOTSUPPORTED;
            case 409 -> IssueType.DUPLICATE;
            case 413 -> IssueType.TOOLONG;
            case 429, 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
