package io.crvs.notifications.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.Audiences;
import io.crvs.auth.Scopes;
import io.crvs.auth.TokenVerifier;
import io.crvs.notifications.Notifier;
import io.crvs.notifications.OutboxViews;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.http.Requests;
import io.crvs.platform.problem.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /notifications[?status=failed&subject=<user id>&limit=]}: what the outbox did with staff
 * notifications, for a National System Administrator; never their content.
 */
public final class NotificationsEndpoint implements Endpoint {
    private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");
    private final Notifier notifier;
    private final TokenVerifier verifier;
    private final ObjectMapper json;

    public NotificationsEndpoint(Notifier notifier, TokenVerifier verifier, ObjectMapper json) {
        this.notifier = notifier;
        this.verifier = verifier;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/notifications", this::list);
    }

    private void list(Context ctx) throws Exception {
        verifier.authenticate(ctx.header("Authorization"), Audiences.USER_MGNT, Set.of(Scopes.NATLSYSADMIN));
        var status = Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank());
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw new ValidationException("status", "must be one of " + STATUSES);
        }
        int limit = Requests.intQueryParam(ctx, "limit", 100, 1, 1000);
        var entries = notifier.list(Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank()), status, limit);
        ctx.contentType("application/json").result(json.writeValueAsBytes(entries.stream().map(OutboxViews::entry).toList()));
    }
}
