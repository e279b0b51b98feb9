package io.crvs.records.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.fhir.FhirProblem;
import io.crvs.platform.fhir.OperationOutcomes;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.records.usecase.RecordIntake;
import io.crvs.records.usecase.RecordReading;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * OpenCRVS's Event Notification API, {@code POST /notification} (interop §4): a health system's FHIR document
 * bundle becomes an IN_PROGRESS record in the office it names. The answer keeps OpenCRVS's shape (200, a
 * transaction-response Bundle whose first entry's location holds the composition id) and adds what OpenCRVS made
 * callers fetch separately: the tracking id, as the Bundle's identifier and in the Task returned in the second
 * entry.
 */
public final class NotificationEndpoint implements Endpoint {
    private final RecordIntake intake;
    private final RecordReading reading;
    private final TokenVerifier verifier;
    private final Callers callers;
    private final ObjectMapper json;

    NotificationEndpoint(RecordIntake intake, RecordReading reading, TokenVerifier verifier, Callers callers, ObjectMapper json) {
        this.intake = intake;
        this.reading = reading;
        this.verifier = verifier;
        this.callers = callers;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/notification", this::notify);
    }

    private void notify(Context ctx) throws Exception {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.GATEWAY,
                Set.of(Scopes.NOTIFICATION_API, Scopes.DECLARE));
        if (!Requests.readsAsJson(ctx)) {
            throw FhirProblem.unsupportedMediaType(Requests.notJson(ctx));
        }
        var submitter = callers.submitter(caller, ctx);
        var outcome = intake.notify(ctx.bodyAsBytes(), submitter);
        var record = outcome.record();
        var response = json.createObjectNode();
        response.put("resourceType", "Bundle");
        response.put("type", "transaction-response");
        response.putObject("identifier").put("system", "http://opencrvs.org/specs/id/" + record.event().code() + "-tracking-id")
                .put("value", record.trackingId());
        var entries = response.putArray("entry");
        var status = outcome.created() ? "201 Created" : "200 OK";
        var stored = outcome.created() ? outcome.resources() : reading.storedResources(record.id());
        for (int i = 0; i < stored.size(); i++) {
            var resource = stored.get(i);
            var entry = entries.addObject();
            if (i == 1) {
                entry.set("resource", resource);
            }
            entry.putObject("response").put("status", status).put("location", "/fhir/" + resource.path("resourceType").asText()
                    + "/" + resource.path("id").asText() + "/_history/" + record.version());
        }
        ctx.header("Location", "/records/" + record.id());
        ctx.status(200).contentType(OperationOutcomes.CONTENT_TYPE).result(json.writeValueAsBytes(response));
    }
}
