package io.crvs.users.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenCRVS's login routes: {@code POST /authenticate}, {@code /verifyCode}, {@code /resendAuthenticationCode} and
 * {@code /refreshToken}, with their JSON shapes. Logout is {@code POST /invalidateToken} (auth module).
 */
public final class LoginEndpoint implements Endpoint {
    private final LoginFlow login;
    private final ObjectMapper json;

    public LoginEndpoint(LoginFlow login, ObjectMapper json) {
        this.login = login;
        this.json = json;
    }

    record AuthenticateRequest(String username, String password) {
    }

    record VerifyCodeRequest(String nonce, String code) {
    }

    record ResendRequest(String nonce, String notificationEvent, Boolean retrievalFlow) {
    }

    record RefreshRequest(String token, String nonce) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/authenticate", this::authenticate);
        routes.post("/verifyCode", ctx -> {
            var body = Requests.json(ctx, json, VerifyCodeRequest.class);
            write(ctx, Map.of("token", login.verifyCode(body.nonce(), body.code(), Requests.actor(ctx))));
        });
        routes.post("/resendAuthenticationCode", ctx -> {
            var body = Requests.json(ctx, json, ResendRequest.class);
            write(ctx, Map.of("nonce", login.resend(body.nonce(), Requests.actor(ctx))));
        });
        routes.post("/refreshToken", ctx -> {
            var body = Requests.json(ctx, json, RefreshRequest.class);
            write(ctx, Map.of("token", login.refresh(body.token(), Requests.actor(ctx))));
        });
    }

    private void authenticate(Context ctx) throws Exception {
        var body = Requests.json(ctx, json, AuthenticateRequest.class);
        var started = login.authenticate(body.username(), body.password(), Requests.actor(ctx));
        var response = new LinkedHashMap<String, Object>();
        started.nonce().ifPresent(n -> response.put("nonce", n));
        started.mobile().ifPresent(m -> response.put("mobile", m));
        started.email().ifPresent(e -> response.put("email", e));
        response.put("status", started.status());
        started.token().ifPresent(t -> response.put("token", t));
        response.put("twoFactorMethod", started.method());
        write(ctx, response);
    }

    private void write(Context ctx, Map<String, ?> body) throws Exception {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(json.writeValueAsBytes(body));
    }
}
