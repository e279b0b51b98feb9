package io.crvs.users.login;

import io.crvs.auth.AccessTokens;
import io.crvs.auth.Caller;
import io.crvs.auth.TokenVerifier;
import io.crvs.notifications.Notifier;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.BadRequestException;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.TooManyRequestsException;
import io.crvs.platform.problem.UnauthorizedException;
import io.crvs.platform.throttle.FailureThrottle;
import io.crvs.users.LoginConfig;
import io.crvs.users.UserNotifications;
import io.crvs.users.UserStatus;
import io.crvs.users.UsersModule;
import io.crvs.users.password.PasswordHasher;
import io.crvs.users.store.LoginSessionStore.LoginSession;
import io.crvs.users.store.LoginSessionStore;
import io.crvs.users.store.StoredUser;
import io.crvs.users.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Two-factor login as OpenCRVS's auth service does it (interop §2.2), made safe: username and password, then a
 * six-digit code sent through the notification outbox (or a TOTP code from the user's app), then a token with the
 * role's scopes. Wrong username and wrong password look the same and cost the same; failures are throttled per
 * username and per address; codes expire, are single use, and a login dies after five wrong codes. Thread-safe.
 */
public final class LoginFlow {
    static final String DEVELOPMENT_CODE = "000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final UserStore users;
    private final LoginSessionStore sessions;
    private final PasswordHasher passwords;
    private final FailureThrottle throttle;
    private final UserNotifications notifications;
    private final AccessTokens tokens;
    private final TokenVerifier verifier;
    private final AuditLog audit;
    private final SecretBox totpBox;
    private final SecretKey codePepper;
    private final LoginConfig config;
    private final Clock clock;

    public LoginFlow(Database database, UserStore users, LoginSessionStore sessions, PasswordHasher passwords,
            FailureThrottle throttle, UserNotifications notifications, AccessTokens tokens, TokenVerifier verifier,
            AuditLog audit, SecretBox totpBox, SecretKey codePepper, LoginConfig config, Clock clock) {
        this.database = database;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.notifications = notifications;
        this.tokens = tokens;
        this.verifier = verifier;
        this.audit = audit;
        this.totpBox = totpBox;
        this.codePepper = codePepper;
        this.config = config;
        this.clock = clock;
    }

    /** What {@code POST /authenticate} answers. */
    public record Started(Optional<String> nonce, Optional<String> mobile, Optional<String> email, String status,
            Optional<String> token, String method) {
    }

    public Started authenticate(String rawUsername, String password, Actor actor) {
        var username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty() || password == null || password.isEmpty()) {
            throw new BadRequestException("missing_credentials", "username and password are required");
        }
        refuseIfThrottled(username, actor, "user.login_failed");
        var found = username.length() > 64 ? Optional.<StoredUser>empty()
                : database.withHandle(handle -> users.findByUsername(handle, username));
        if (found.isEmpty()) {
            passwords.verifyDummy(password);
            throw failedLogin(username, null, actor, "unknown_user");
        }
        var stored = found.get();
        if (!passwords.verify(stored.passwordHash(), password)) {
            throw failedLogin(username, stored.user().id(), actor, "wrong_password");
        }
        var user = stored.user();
        if (user.status() == UserStatus.DEACTIVATED || user.status() == UserStatus.DISABLED) {
            record("user.login_failed", AuditEvent.Outcome.DENIED, actor, user.id(), user.status().wireName());
            throw new ForbiddenException("user_" + user.status().wireName(), "This account is " + user.status().wireName());
        }
        if (passwords.needsRehash(stored.passwordHash())) {
            var rehashed = passwords.hash(password);
            database.withHandle(handle -> {
                users.rehashPassword(handle, user.id(), rehashed);
                return null;
            });
        }
        if (user.status() == UserStatus.PENDING) {
            throttle.recordSuccess(username, actor.ip());
            var token = tokens.issueForUser(user.id(), List.of(UsersModule.ONBOARDING_SCOPE), config.onboardingTokenTtl(),
                    user.tokenGeneration());
            record("user.onboarding_started", AuditEvent.Outcome.SUCCESS, actor.as("user", user.id()), user.id(), null);
            // OpenCRVS answers a pending user with a nonce as well; it leads nowhere (no code is sent), but clients
            // that read it keep working.
            var nonce = Base64.getEncoder().encodeToString(RandomTokens.bytes(16));
            return new Started(Optional.of(nonce), user.mobile().map(Masking::mobile), user.email().map(Masking::email),
                    UserStatus.PENDING.wireName(), Optional.of(token.token()), "none");
        }
        return startSecondFactor(stored, actor);
    }

    private Started startSecondFactor(StoredUser stored, Actor actor) {
        var user = stored.user();
        var nonce = Base64.getEncoder().encodeToString(RandomTokens.bytes(16));
        var nonceHash = sha256(nonce);
        var expires = clock.instant().plus(config.codeTtl());
        boolean totp = user.totpEnabled() && stored.sealedTotpSecret().isPresent();
        database.inTransaction(handle -> {
            String codeHash = null;
            if (!totp) {
                var code = newCode();
                codeHash = codeHash(nonceHash, code);
                notifications.authenticationCode(handle, user, code);
            }
            sessions.insert(handle, new LoginSession(nonceHash, user.id(), totp ? "totp" : "code",
                    Optional.ofNullable(codeHash), expires, 0, 0), clock.instant());
            audit.append(handle, new AuditEvent(totp ? "user.totp_requested" : "user.code_sent", AuditEvent.Outcome.SUCCESS,
                    actor.as("user", user.id()), "user", user.id(), null, Map.of()));
            return null;
        });
        return new Started(Optional.of(nonce), user.mobile().map(Masking::mobile), user.email().map(Masking::email),
                user.status().wireName(), Optional.empty(), totp ? "totp" : "code");
    }

    /** {@code POST /verifyCode}: the second factor; a token with the role's scopes. */
    public String verifyCode(String nonce, String code, Actor actor) {
        if (nonce == null || nonce.isEmpty() || code == null || code.isEmpty()) {
            throw new BadRequestException("missing_code", "nonce and code are required");
        }
        var nonceHash = sha256(nonce);
        var now = clock.instant();
        // The password was right, but the login is not done: a login that dies of wrong codes counts against the
        // username and address like a wrong password, so knowing a password does not buy unlimited guesses at the
        // second factor (five per login, then lock-outs that double).
        var username = database.withHandle(handle -> sessions.findForUpdate(handle, nonceHash)
                .flatMap(s -> users.find(handle, s.userId())).map(s -> s.user().username()));
        if (username.isPresent()) {
            refuseIfThrottled(username.get(), actor, "user.code_failed");
        }
        var outcome = database.inTransaction(handle -> {
            var session = sessions.findForUpdate(handle, nonceHash);
            if (session.isEmpty() || session.get().codeExpiresAt().isBefore(now)
                    || session.get().failedAttempts() >= config.maxCodeFailures()) {
                session.ifPresent(s -> sessions.delete(handle, nonceHash));
                return new CodeCheck(null, "expired_or_unknown_nonce");
            }
            var current = session.get();
            if (!codeMatches(handle, current, code, now)) {
                sessions.recordFailure(handle, nonceHash);
                if (current.failedAttempts() + 1 >= config.maxCodeFailures()) {
                    sessions.delete(handle, nonceHash);
                    return new CodeCheck(current.userId(), "too_many_wrong_codes");
                }
                return new CodeCheck(current.userId(), "wrong_code");
            }
            sessions.delete(handle, nonceHash);
            return new CodeCheck(current.userId(), null);
        });
        if (outcome.failure() != null) {
            if ("too_many_wrong_codes".equals(outcome.failure()) && username.isPresent()) {
                throttle.recordFailure(username.get(), actor.ip());
            }
            record("user.code_failed", AuditEvent.Outcome.FAILURE, actor, outcome.userId(), outcome.failure());
            throw unauthorized("The code is wrong, expired or already used");
        }
        var user = database.withHandle(handle -> users.find(handle, outcome.userId())).orElseThrow().user();
        if (user.status() != UserStatus.ACTIVE) {
            record("user.login_failed", AuditEvent.Outcome.DENIED, actor, user.id(), user.status().wireName());
            throw new ForbiddenException("user_" + user.status().wireName(), "This account is " + user.status().wireName());
        }
        throttle.recordSuccess(user.username(), actor.ip());
        var token = tokens.issueForUser(user.id(), user.scopes(), config.userTokenTtl(), user.tokenGeneration());
        audit.record(new AuditEvent("user.logged_in", AuditEvent.Outcome.SUCCESS, actor.as("user", user.id()), "user",
                user.id(), null, Map.of("jti", token.jti(), "exp", token.expiresAt().getEpochSecond())));
        return token.token();
    }

    private record CodeCheck(String userId, String failure) {
    }

    private boolean codeMatches(org.jdbi.v3.core.Handle handle, LoginSession session, String code, Instant now) {
        if (session.method().equals("totp")) {
            var stored = users.find(handle, session.userId()).orElseThrow();
            // The app may have been removed (or a new one enrolled, not yet confirmed) since the password step.
            if (!stored.user().totpEnabled() || stored.sealedTotpSecret().isEmpty()) {
                return false;
            }
            var secret = totpBox.open(stored.sealedTotpSecret().get(), "totp:" + session.userId());
            var step = Totp.matchingStep(secret, code, now);
            return step.isPresent() && users.useTotpStep(handle, session.userId(), step.getAsLong());
        }
        boolean matches = MessageDigest.isEqual(
                codeHash(session.nonceHash(), code).getBytes(StandardCharsets.US_ASCII),
                session.codeHash().orElse("").getBytes(StandardCharsets.US_ASCII));
        return matches || (config.development() && DEVELOPMENT_CODE.equals(code));
    }

    /** {@code POST /resendAuthenticationCode}: a new code for the same login, at most a few times. */
    public String resend(String nonce, Actor actor) {
        if (nonce == null || nonce.isEmpty()) {
            throw new BadRequestException("missing_nonce", "nonce is required");
        }
        var nonceHash = sha256(nonce);
        var now = clock.instant();
        database.inTransaction(handle -> {
            var session = sessions.findForUpdate(handle, nonceHash)
                    .filter(s -> s.failedAttempts() < config.maxCodeFailures())
                    .filter(s -> s.codeExpiresAt().isAfter(now.minus(config.codeTtl())))
                    .orElseThrow(() -> unauthorized("This login has expired; start again"));
            if (session.method().equals("totp")) {
                return null;
            }
            if (session.resends() >= config.maxResends()) {
                throw new TooManyRequestsException("Too many codes sent for this login; start again later",
                        config.codeTtl());
            }
            var user = users.find(handle, session.userId()).orElseThrow().user();
            var code = newCode();
            sessions.replaceCode(handle, nonceHash, codeHash(nonceHash, code), now.plus(config.codeTtl()));
            notifications.authenticationCode(handle, user, code);
            audit.append(handle, new AuditEvent("user.code_sent", AuditEvent.Outcome.SUCCESS, actor.as("user", user.id()),
                    "user", user.id(), null, Map.of("resend", true)));
            return null;
        });
        return nonce;
    }

    /**
     * {@code POST /refreshToken}: a new token for a person whose token is still valid, with the role's current
     * scopes; the old one is revoked. A client's token can never be refreshed (OpenCRVS turned a 10-minute
     * system token into a 7-day one here).
     */
    public String refresh(String token, Actor actor) {
        var caller = Optional.ofNullable(token).flatMap(verifier::verify)
                .orElseThrow(() -> unauthorized("The token is not valid"));
        if (caller.kind() != Caller.Kind.USER) {
            record("user.token_refresh_refused", AuditEvent.Outcome.DENIED, actor.as("client", caller.subject()),
                    caller.subject(), "client_token");
            throw unauthorized("Tokens of integration clients cannot be refreshed; request a new one at /token");
        }
        if (caller.scopes().contains(UsersModule.ONBOARDING_SCOPE)) {
            throw unauthorized("An onboarding token cannot be refreshed");
        }
        var user = database.withHandle(handle -> users.find(handle, caller.subject())).orElseThrow().user();
        // The old token's generation, which the check above found current, not the one just read: a change
        // between the two then refuses the fresh token too, instead of letting it outlive the change.
        var fresh = tokens.issueForUser(user.id(), user.scopes(), config.userTokenTtl(), caller.tokenGeneration());
        var userActor = actor.as("user", user.id());
        tokens.revoke(caller, userActor, "refreshToken");
        audit.record(new AuditEvent("user.token_refreshed", AuditEvent.Outcome.SUCCESS, userActor, "user", user.id(), null,
                Map.of("jti", fresh.jti(), "previous_jti", caller.jti())));
        return fresh.token();
    }

    /** Forgets logins whose code expired long ago. */
    public int purgeExpired() {
        return database.withHandle(handle -> sessions.purgeExpired(handle, clock.instant().minus(config.codeTtl())));
    }

    private void refuseIfThrottled(String username, Actor actor, String action) {
        var wait = throttle.retryAfter(username, actor.ip());
        if (wait.isPresent()) {
            record(action, AuditEvent.Outcome.DENIED, actor, username, "throttled");
            throw new TooManyRequestsException("Too many failed logins; retry later", wait.get());
        }
    }

    private UnauthorizedException failedLogin(String username, String userId, Actor actor, String reason) {
        throttle.recordFailure(username, actor.ip());
        record("user.login_failed", AuditEvent.Outcome.FAILURE, actor, userId == null ? username : userId, reason);
        return unauthorized("Invalid username or password");
    }

    private void record(String action, AuditEvent.Outcome outcome, Actor actor, String subjectId, String reason) {
        var details = new LinkedHashMap<String, Object>();
        audit.record(new AuditEvent(action, outcome, actor, "user", subjectId, reason, details));
    }

    private static UnauthorizedException unauthorized(String message) {
        return new UnauthorizedException("unauthorized", message, "Bearer realm=\"crvs\"");
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    private String codeHash(String nonceHash, String code) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(codePepper);
            return Base64.getEncoder().encodeToString(mac.doFinal((nonceHash + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
