package io.crvs.users.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Caller;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.ValidationException;
import io.crvs.users.UserDraft;
import io.crvs.users.UserViews;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * User management over REST for system administrators ({@code sysadmin}, {@code natlsysadmin}):
 * {@code GET/POST /users}, {@code GET/PUT /users/{id}} and the actions under {@code /users/{id}/…}.
 */
public final class UsersEndpoint implements Endpoint {
    private static final Set<String> ADMIN = Set.of(Scopes.SYSADMIN, Scopes.NATLSYSADMIN);
    private final UserAdministration admin;
    private final TokenVerifier verifier;
    private final ObjectMapper json;

    public UsersEndpoint(UserAdministration admin, TokenVerifier verifier, ObjectMapper json) {
        this.admin = admin;
        this.verifier = verifier;
        this.json = json;
    }

    record UserRequest(List<String> givenNames, String familyName, String systemRole, String role,
            String primaryOfficeId, String mobile, String email, String nationalId, String language) {
        UserDraft draft() {
            return new UserDraft(givenNames, familyName, systemRole, Optional.ofNullable(role), primaryOfficeId,
                    Optional.ofNullable(mobile), Optional.ofNullable(email), Optional.ofNullable(nationalId),
                    Optional.ofNullable(language));
        }
    }

    record StatusRequest(String reason, String comment) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/users", this::list);
        routes.post("/users", ctx -> {
            var caller = caller(ctx);
            var created = admin.create(Requests.json(ctx, json, UserRequest.class).draft(), caller, actor(ctx, caller));
            ctx.header("Location", "/users/" + created.user().id());
            write(ctx, 201, UserViews.user(created.user()));
        });
        routes.get("/users/{id}", ctx -> write(ctx, 200, UserViews.user(admin.get(ctx.pathParam("id"), caller(ctx)))));
        routes.put("/users/{id}", ctx -> {
            var caller = caller(ctx);
            // Another office's user is 403 whatever the body holds: a local administrator learns nothing from it.
            admin.mayEdit(ctx.pathParam("id"), caller);
            var body = Requests.json(ctx, json, UserRequest.class);
            write(ctx, 200, UserViews.user(admin.edit(ctx.pathParam("id"), body.draft(), caller, actor(ctx, caller))));
        });
        routes.post("/users/{id}/deactivate", ctx -> {
            var caller = caller(ctx);
            var body = Requests.json(ctx, json, StatusRequest.class);
            write(ctx, 200, UserViews.user(admin.deactivate(ctx.pathParam("id"), body.reason(), body.comment(), caller,
                    actor(ctx, caller))));
        });
        routes.post("/users/{id}/reactivate", ctx -> {
            var caller = caller(ctx);
            var body = Requests.json(ctx, json, StatusRequest.class);
            write(ctx, 200, UserViews.user(admin.reactivate(ctx.pathParam("id"), body.reason(), body.comment(), caller,
                    actor(ctx, caller))));
        });
        routes.post("/users/{id}/reset-password", ctx -> action(ctx, (caller, actor) -> admin.resetPassword(ctx.pathParam("id"), caller, actor)));
        routes.post("/users/{id}/username-reminder", ctx -> action(ctx, (caller, actor) -> admin.usernameReminder(ctx.pathParam("id"), caller, actor)));
        routes.post("/users/{id}/resend-invite", ctx -> action(ctx, (caller, actor) -> admin.resendInvite(ctx.pathParam("id"), caller, actor)));
    }

    private void list(Context ctx) throws Exception {
        var caller = caller(ctx);
        var office = Optional.ofNullable(ctx.queryParam("primaryOfficeId")).filter(id -> !id.isBlank())
                .or(() -> Optional.ofNullable(ctx.queryParam("office")).filter(id -> !id.isBlank()))
                .orElseThrow(() -> new ValidationException("primaryOfficeId", "is required"));
        int skip = Requests.intQueryParam(ctx, "skip", 0, 0, 1_000_000);
        int count = Requests.intQueryParam(ctx, "count", 50, 1, 500);
        var page = admin.list(office, skip, count, caller);
        write(ctx, 200, Map.of("totalItems", page.total(), "results", page.users().stream().map(UserViews::user).toList()));
    }

    private void action(Context ctx, BiConsumer<Caller, Actor> action) throws Exception {
        var caller = caller(ctx);
        Requests.noFields(ctx, json);
        action.accept(caller, actor(ctx, caller));
        write(ctx, 200, Map.of("success", true));
    }

    private Caller caller(Context ctx) {
        return verifier.authenticate(ctx.header("Authorization"), Audiences.USER_MGNT, ADMIN);
    }

    private static Actor actor(Context ctx, Caller caller) {
        return Requests.actor(ctx).as(caller.actorType(), caller.subject());
    }


    private void write(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
