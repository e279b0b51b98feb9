package io.crvs.auth.token;

import io.crvs.auth.IntegrationClient;
import io.crvs.auth.client.ClientAuthentication;
import io.crvs.auth.client.ClientAuthenticator;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.problem.UnavailableException;
import io.crvs.platform.throttle.FailureThrottle;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-credentials grant (RFC 6749 §4.4) in OpenCRVS's order (interop §1.3): required parameters, grant
 * type, then the client, throttled and audited. Every refusal the caller can observe for a bad client is the same
 * {@code invalid_client}; the real reason goes to the audit log. A token is handed out only once its issuance is
 * durably audited. Thread-safe.
 */
public final class ClientCredentialsGrant {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsGrant.class);
    private static final String GRANT_TYPE = "client_credentials";

    private final ClientAuthenticator authenticator;
    private final TokenIssuer issuer;
    private final FailureThrottle throttle;
    private final AuditLog audit;
    private final MeterRegistry metrics;

    public ClientCredentialsGrant(ClientAuthenticator authenticator, TokenIssuer issuer, FailureThrottle throttle,
            AuditLog audit, MeterRegistry metrics) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.throttle = throttle;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Issues a token for the client in {@code request}.
     *
     * @param requireGrantType false for the pre-1.4 {@code /authenticateSystemClient}, which has no grant_type
     * @throws OAuthErrorException for every refusal
     */
    public IssuedToken grant(ClientRequest request, Actor actor, boolean requireGrantType) {
        var clientId = request.clientId();
        var secret = request.clientSecret();
        if (clientId.isEmpty() || secret.isEmpty() || (requireGrantType && request.parameter("grant_type") == null)) {
            throw refuse(actor, clientId.orElse(null), request, "invalid_request", new OAuthErrorException(OAuthError.INVALID_REQUEST));
        }
        if (requireGrantType && !GRANT_TYPE.equals(request.parameter("grant_type"))) {
            throw refuse(actor, clientId.get(), request, "unsupported_grant_type",
                    new OAuthErrorException(OAuthError.UNSUPPORTED_GRANT_TYPE));
        }
        return issue(authenticate(clientId.get(), secret.get(), request, actor), request, actor);
    }

    /**
     * Authenticates the client of a request to any OAuth endpoint, throttled and audited: a locked-out caller
     * gets {@code temporarily_unavailable} (429) before its credentials are looked at, every other failure
     * {@code invalid_client}.
     */
    public IntegrationClient authenticate(String clientId, String secret, ClientRequest request, Actor actor) {
        var wait = throttle.retryAfter(clientId, actor.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw refuse(actor, clientId, request, "throttled", new OAuthErrorException(OAuthError.TOO_MANY_ATTEMPTS,
                    "Too many failed attempts; retry after " + seconds + " seconds", seconds));
        }
        return switch (authenticator.authenticate(clientId, secret)) {
            case ClientAuthentication.Refused refused -> {
                throttle.recordFailure(clientId, actor.ip());
                throw refuse(actor, clientId, request, refused.reason(), new OAuthErrorException(OAuthError.INVALID_CLIENT));
            }
            case ClientAuthentication.Authenticated ok -> {
                throttle.recordSuccess(clientId, actor.ip());
                yield ok.client();
            }
        };
    }

    private IssuedToken issue(IntegrationClient client, ClientRequest request, Actor actor) {
        var token = issuer.issueForClient(client);
        var details = new LinkedHashMap<String, Object>();
        details.put("client_id", client.clientId());
        details.put("jti", token.jti());
        details.put("exp", token.expiresAt().getEpochSecond());
        details.put("method", request.method().wireName());
        details.put("scope", String.join(" ", token.scopes()));
        try {
            audit.record(new AuditEvent("token.issued", AuditEvent.Outcome.SUCCESS, actor.as("client", client.id()),
                    "integration_client", client.id(), null, details));
        } catch (UnavailableException e) {
            metrics.counter("crvs.tokens.refused", "reason", "audit_unavailable").increment();
            throw new OAuthErrorException(OAuthError.SERVER_ERROR);
        }
        metrics.counter("crvs.tokens.issued", "type", client.type().name(), "method", request.method().wireName()).increment();
        return token;
    }

    private OAuthErrorException refuse(Actor actor, String clientId, ClientRequest request, String reason,
            OAuthErrorException error) {
        metrics.counter("crvs.tokens.refused", "reason", reason).increment();
        Map<String, Object> details = Map.of("method", request.method().wireName());
        try {
            audit.record(new AuditEvent("token.refused", AuditEvent.Outcome.FAILURE, actor, "integration_client",
                    clientId, reason, details));
        } catch (UnavailableException e) {
            LOG.error("Could not audit a refused token request (reason {})", reason);
        }
        return error;
    }
}
