package io.crvs.users.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Caller;
import io.crvs.auth.TokenVerifier;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.users.UserViews;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's own account: {@code GET /users/me}, onboarding ({@code POST /users/me/activate} with the token a
 * pending user gets at first login), {@code POST /users/me/password}, and the authenticator app
 * ({@code POST /users/me/totp}, {@code POST /users/me/totp/confirm}, {@code DELETE /users/me/totp}).
 */
public final class AccountEndpoint implements Endpoint {
    private final AccountService accounts;
    private final TokenVerifier verifier;
    private final ObjectMapper json;

    public AccountEndpoint(AccountService accounts, TokenVerifier verifier, ObjectMapper json) {
        this.accounts = accounts;
        this.verifier = verifier;
        this.json = json;
    }

    record ActivateRequest(String password, List<SecurityQuestions.Answer> securityQuestionAnswers) {
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    record CodeRequest(String code) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/users/me", ctx -> write(ctx, 200, UserViews.user(accounts.me(caller(ctx)))));
        routes.post("/users/me/activate", ctx -> {
            var caller = caller(ctx);
            var body = Requests.json(ctx, json, ActivateRequest.class);
            accounts.activate(caller, body.password(), body.securityQuestionAnswers(), actor(ctx, caller));
            write(ctx, 200, Map.of("status", "active"));
        });
        routes.post("/users/me/password", ctx -> {
            var caller = caller(ctx);
            var body = Requests.json(ctx, json, PasswordRequest.class);
            write(ctx, 200, Map.of("token", accounts.changePassword(caller, body.currentPassword(), body.newPassword(),
                    actor(ctx, caller))));
        });
        routes.post("/users/me/totp", ctx -> {
            var caller = caller(ctx);
            Requests.noFields(ctx, json);
            var enrolment = accounts.enrolTotp(caller, actor(ctx, caller));
            write(ctx, 200, Map.of("secret", enrolment.secret(), "uri", enrolment.uri()));
        });
        routes.post("/users/me/totp/confirm", ctx -> {
            var caller = caller(ctx);
            accounts.confirmTotp(caller, Requests.json(ctx, json, CodeRequest.class).code(), actor(ctx, caller));
            write(ctx, 200, Map.of("twoFactorMethod", "totp"));
        });
        routes.delete("/users/me/totp", ctx -> {
            var caller = caller(ctx);
            accounts.removeTotp(caller, Requests.json(ctx, json, CodeRequest.class).code(), actor(ctx, caller));
            write(ctx, 200, Map.of("twoFactorMethod", "code"));
        });
    }

    private Caller caller(Context ctx) {
        return verifier.authenticate(ctx.header("Authorization"), Audiences.USER_MGNT, Set.of());
    }

    private static Actor actor(Context ctx, Caller caller) {
        return Requests.actor(ctx).as(caller.actorType(), caller.subject());
    }

    private void write(Context ctx, int status, Object body) throws Exception {
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
