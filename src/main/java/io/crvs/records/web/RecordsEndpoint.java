package io.crvs.records.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.fhir.OperationOutcomes;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.PreconditionRequiredException;
import io.crvs.platform.problem.UnsupportedMediaTypeException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.records.Staff;
import io.crvs.records.usecase.ActionRequest;
import io.crvs.records.usecase.RecordActions;
import io.crvs.records.usecase.RecordIntake;
import io.crvs.records.usecase.RecordReading;
import io.crvs.records.usecase.Submitter;
import io.crvs.records.workflow.Action;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff REST API for records (documented in {@code /openapi.json}): declare ({@code POST /records}), read
 * ({@code GET /records/{id}} as a FHIR document, {@code …/history}), office work queues ({@code GET /records?queue=})
 * and the workflow actions ({@code POST /records/{id}/validate|reject|register|archive|reinstate},
 * {@code PUT /records/{id}} to update the declaration). Actions accept {@code If-Match: "<version>"} or a
 * {@code version} field; a stale version is a 409.
 */
public final class RecordsEndpoint implements Endpoint {
    private static final Set<String> STAFF = Set.of("declare", "validate", "register", "certify");

    private final RecordIntake intake;
    private final RecordActions actions;
    private final RecordReading reading;
    private final TokenVerifier verifier;
    private final Callers callers;
    private final ObjectMapper json;

    RecordsEndpoint(RecordIntake intake, RecordActions actions, RecordReading reading, TokenVerifier verifier,
            Callers callers, ObjectMapper json) {
        this.intake = intake;
        this.actions = actions;
        this.reading = reading;
        this.verifier = verifier;
        this.callers = callers;
        this.json = json;
    }

    record ActionBody(String reason, String comment, Integer version, String reasonForLateRegistration) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/records", this::declare);
        routes.get("/records", this::queue);
        routes.get("/records/{id}", this::view);
        routes.get("/records/{id}/history", ctx -> write(ctx, 200, reading.history(ctx.pathParam("id"), submitter(ctx, STAFF))
                .stream().map(RecordViews::history).toList()));
        routes.put("/records/{id}", ctx -> update(ctx));
        for (var action : new Action[] {Action.VALIDATE, Action.REJECT, Action.REGISTER, Action.ARCHIVE, Action.REINSTATE}) {
            routes.post("/records/{id}/" + action.name().toLowerCase(Locale.ROOT), ctx -> act(ctx, action));
        }
    }

    private void declare(Context ctx) throws Exception {
        var submitter = submitter(ctx, Set.of("declare", "validate", "register"));
        requireJsonBundle(ctx);
        var outcome = intake.declare(ctx.bodyAsBytes(), submitter);
        ctx.header("Location", "/records/" + outcome.record().id());
        write(ctx, outcome.created() ? 201 : 200, RecordViews.summary(outcome.record()));
    }

    private void view(Context ctx) throws Exception {
        var submitter = submitter(ctx, Set.of());
        var view = reading.view(ctx.pathParam("id"), submitter);
        ctx.header("ETag", "\"" + view.summary().version() + "\"");
        ctx.contentType(OperationOutcomes.CONTENT_TYPE).result(json.writeValueAsBytes(view.bundle()));
    }

    private void queue(Context ctx) throws Exception {
        var staff = staff(submitter(ctx, STAFF));
        var queue = RecordReading.Queue.parse(Optional.ofNullable(ctx.queryParam("queue"))
                .orElseThrow(() -> new ValidationException("queue", "is required")));
        var office = Optional.ofNullable(ctx.queryParam("office")).orElse(staff.officeId());
        int skip = Requests.intQueryParam(ctx, "skip", 0, 0, 1_000_000);
        int count = Requests.intQueryParam(ctx, "count", 20, 1, 200);
        var page = reading.queue(queue, office, skip, count, staff);
        write(ctx, 200, Map.of("totalItems", page.total(), "results", page.records().stream().map(RecordViews::summary).toList()));
    }

    private void act(Context ctx, Action action) throws Exception {
        var submitter = submitter(ctx, STAFF);
        var body = actionBody(ctx);
        var reason = action == Action.REGISTER ? body.reasonForLateRegistration() : body.reason();
        var request = new ActionRequest(version(ctx, body.version()), Optional.ofNullable(reason),
                Optional.ofNullable(body.comment()), Optional.empty());
        var record = actions.act(ctx.pathParam("id"), action, request, staff(submitter), submitter);
        ctx.header("ETag", "\"" + record.version() + "\"");
        write(ctx, 200, RecordViews.summary(record));
    }

    /**
     * A new declaration replaces the whole old one, so it must say which version it replaces ({@code If-Match}, or
     * {@code *} to overwrite whatever is there): without it, two editors would silently undo each other's work.
     */
    private void update(Context ctx) throws Exception {
        var submitter = submitter(ctx, STAFF);
        var staff = staff(submitter);
        requireJsonBundle(ctx);
        var ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("if_match_required", "Send If-Match with the record version you "
                    + "edited (its ETag, e.g. \"3\"), or If-Match: * to overwrite any version");
        }
        var request = new ActionRequest(version(ctx, null), Optional.empty(), Optional.empty(), Optional.of(ctx.bodyAsBytes()));
        var record = actions.act(ctx.pathParam("id"), Action.UPDATE, request, staff, submitter);
        ctx.header("ETag", "\"" + record.version() + "\"");
        write(ctx, 200, RecordViews.summary(record));
    }

    /** Bundles are read as {@code POST /notification} reads them: JSON by Content-Type, or without one. */
    private static void requireJsonBundle(Context ctx) {
        if (!Requests.readsAsJson(ctx)) {
            throw new UnsupportedMediaTypeException(Requests.notJson(ctx));
        }
    }

    private ActionBody actionBody(Context ctx) {
        return Requests.optionalJson(ctx, json, ActionBody.class).orElse(new ActionBody(null, null, null, null));
    }

    /**
     * {@code If-Match: "3"} (or W/"3"), else the body's {@code version}; both must agree when both are sent.
     * {@code If-Match: *} matches any current version (RFC 9110 §13.1.1), so it names none.
     */
    private static Optional<Integer> version(Context ctx, Integer fromBody) {
        var header = ctx.header("If-Match");
        Optional<Integer> fromHeader = Optional.empty();
        if (header != null && !header.isBlank() && !header.strip().equals("*")) {
            var digits = header.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                fromHeader = Optional.of(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                throw new ValidationException("If-Match", "must be the record version, e.g. \"3\"");
            }
        }
        if (fromHeader.isPresent() && fromBody != null && !fromHeader.get().equals(fromBody)) {
            throw new ValidationException("version", "differs from If-Match");
        }
        return fromHeader.or(() -> Optional.ofNullable(fromBody));
    }

    private Submitter submitter(Context ctx, Set<String> anyOf) {
        var caller = verifier.authenticate(ctx.header("Authorization"), Audiences.GATEWAY, anyOf);
        return callers.submitter(caller, ctx);
    }

    private static Staff staff(Submitter submitter) {
        return submitter.staff().orElseThrow(() -> new ForbiddenException("staff_only", "Only staff act on records"));
    }


    private void write(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
