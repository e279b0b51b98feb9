package io.crvs.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.fhir.FhirProblem;
import io.crvs.platform.fhir.OperationOutcomes;
import io.crvs.platform.problem.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 9457 problem details. OpenCRVS clients read hapi/Boom error bodies ({@code statusCode}, {@code error},
 * {@code message}), so those members are written too, as problem-details extensions.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void write(Context ctx, ProblemException problem) {
        problem.headers().forEach(ctx::header);
        write(ctx, problem.status(), problem.code(), problem.detail(), problem.errors());
    }

    /** A FHIR route's failure as an OperationOutcome. */
    public void writeFhir(Context ctx, FhirProblem problem) {
        try {
            ctx.status(problem.status()).contentType(OperationOutcomes.CONTENT_TYPE)
                    .result(json.writeValueAsBytes(OperationOutcomes.of(problem, json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Context ctx, int status, String code, String detail, List<ProblemException.FieldError> errors) {
        var title = HttpStatus.forStatus(status).getMessage();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "urn:crvs:problem:" + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        body.put("code", code);
        body.put("request_id", Requests.requestId(ctx));
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        body.put("statusCode", status);
        body.put("error", title);
        body.put("message", detail);
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
