package io.crvs.users.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.AccessTokens;
import io.crvs.auth.Caller;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ConflictException;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.TooManyRequestsException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.platform.throttle.FailureThrottle;
import io.crvs.users.User;
import io.crvs.users.UserStatus;
import io.crvs.users.UsersModule;
import io.crvs.users.login.Totp;
import io.crvs.users.password.PasswordHasher;
import io.crvs.users.password.PasswordPolicy;
import io.crvs.users.store.StoredUser;
import io.crvs.users.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What users do for themselves: finish onboarding (new password and security answers), change their password,
 * and enrol or remove an authenticator app (TOTP) as their second factor. Thread-safe.
 */
public final class AccountService {
    private final Database database;
    private final UserStore users;
    private final PasswordHasher passwords;
    private final AccessTokens tokens;
    private final SecretBox totpBox;
    private final AuditLog audit;
    private final FailureThrottle throttle;
    private final ObjectMapper json;
    private final Duration userTokenTtl;
    private final String issuerName;
    private final Clock clock;

    public AccountService(Database database, UserStore users, PasswordHasher passwords, AccessTokens tokens,
            SecretBox totpBox, AuditLog audit, FailureThrottle throttle, ObjectMapper json, Duration userTokenTtl,
            String issuerName, Clock clock) {
        this.database = database;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.totpBox = totpBox;
        this.audit = audit;
        this.throttle = throttle;
        this.json = json;
        this.userTokenTtl = userTokenTtl;
        this.issuerName = issuerName;
        this.clock = clock;
    }

    public User me(Caller caller) {
        return stored(caller).user();
    }

    /**
     * First login: with the onboarding token {@code /authenticate} gave a pending user, set a password that meets
     * the rules and answer three security questions. The user becomes active and logs in again with two factors.
     */
    public void activate(Caller caller, String password, List<SecurityQuestions.Answer> answers, Actor actor) {
        if (!caller.scopes().contains(UsersModule.ONBOARDING_SCOPE)) {
            throw new ForbiddenException("not_onboarding", "Activation needs the token given at first login");
        }
        PasswordPolicy.check("password", password);
        var account = stored(caller);
        // The temporary password travelled in clear by SMS or email: onboarding must replace it.
        if (passwords.verify(account.passwordHash(), password)) {
            throw new ValidationException("password", "must differ from the temporary password");
        }
        var stored = storedAnswers(answers);
        var user = account.user();
        if (user.status() != UserStatus.PENDING) {
            throw new ConflictException("user_status", "The user is " + user.status().wireName());
        }
        var hash = passwords.hash(password);
        var now = clock.instant();
        database.inTransaction(handle -> {
            if (!users.updatePassword(handle, user.id(), hash, UserStatus.PENDING, UserStatus.ACTIVE, now)) {
                throw UserStore.statusChangedMeanwhile();
            }
            users.updateSecurityAnswers(handle, user.id(), stored);
            audit.append(handle, event("user.activated", actor, user.id()));
            audit.append(handle, event("user.password_changed", actor, user.id()));
            return null;
        });
    }

    /**
     * A new password; every existing token of the user stops working and a fresh one is returned. A stolen token
     * must not buy unlimited guesses at the password: wrong current passwords count in the login throttle, under
     * the username and address as wrong passwords at login do, and a locked-out user is refused (429) unchecked.
     */
    public String changePassword(Caller caller, String currentPassword, String newPassword, Actor actor) {
        var stored = fullAccount(caller);
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new ValidationException("currentPassword", "is required");
        }
        var user = stored.user();
        var wait = throttle.retryAfter(user.username(), actor.ip());
        if (wait.isPresent()) {
            passwordChangeFailed(actor, user, AuditEvent.Outcome.DENIED, "throttled");
            throw new TooManyRequestsException("Too many wrong passwords; retry later", wait.get());
        }
        if (!passwords.verify(stored.passwordHash(), currentPassword)) {
            throttle.recordFailure(user.username(), actor.ip());
            passwordChangeFailed(actor, user, AuditEvent.Outcome.FAILURE, "wrong_password");
            throw new ValidationException("currentPassword", "is not the current password");
        }
        throttle.recordSuccess(user.username(), actor.ip());
        PasswordPolicy.check("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new ValidationException("newPassword", "must differ from the current password");
        }
        var hash = passwords.hash(newPassword);
        var changed = database.inTransaction(handle -> {
            if (!users.updatePassword(handle, user.id(), hash, user.status(), user.status(), clock.instant())) {
                throw UserStore.statusChangedMeanwhile();
            }
            audit.append(handle, event("user.password_changed", actor, user.id()));
            // Read back in the change's transaction: the fresh token is of the generation this change began, so
            // any later change refuses it as well.
            return users.find(handle, user.id()).orElseThrow().user();
        });
        return tokens.issueForUser(changed.id(), changed.scopes(), userTokenTtl, changed.tokenGeneration()).token();
    }

    private void passwordChangeFailed(Actor actor, User user, AuditEvent.Outcome outcome, String reason) {
        audit.record(new AuditEvent("user.password_change_failed", outcome, actor, "user", user.id(), reason, Map.of()));
    }

    /** A new TOTP secret, not yet active: the user adds it to an app and confirms with a code. */
    public record Enrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "Enrolment[***]";
        }
    }

    public Enrolment enrolTotp(Caller caller, Actor actor) {
        var user = fullAccount(caller).user();
        if (user.totpEnabled()) {
            throw new ConflictException("totp_enabled", "An authenticator app is already enrolled; remove it first");
        }
        var secret = Totp.newSecret();
        database.inTransaction(handle -> {
            users.updateTotp(handle, user.id(), totpBox.seal(secret, "totp:" + user.id()), false, clock.instant());
            audit.append(handle, event("user.totp_enrolment_started", actor, user.id()));
            return null;
        });
        return new Enrolment(secret, Totp.uri(issuerName, user.username(), secret));
    }

    public void confirmTotp(Caller caller, String code, Actor actor) {
        changeTotp(caller, code, actor, true);
    }

    public void removeTotp(Caller caller, String code, Actor actor) {
        changeTotp(caller, code, actor, false);
    }

    /** Enabling or removing needs a current code from the app: proof the user holds the secret. */
    private void changeTotp(Caller caller, String code, Actor actor, boolean enable) {
        var stored = fullAccount(caller);
        var user = stored.user();
        if (stored.sealedTotpSecret().isEmpty() || user.totpEnabled() == enable) {
            throw new ConflictException("totp_state", enable ? "Start an enrolment first" : "No authenticator app is enrolled");
        }
        var secret = totpBox.open(stored.sealedTotpSecret().get(), "totp:" + user.id());
        var step = Totp.matchingStep(secret, code, clock.instant());
        database.inTransaction(handle -> {
            if (step.isEmpty() || !users.useTotpStep(handle, user.id(), step.getAsLong())) {
                throw new ValidationException("code", "is not the current code of the authenticator app");
            }
            users.updateTotp(handle, user.id(), enable ? stored.sealedTotpSecret().get() : null, enable, clock.instant());
            users.useTotpStep(handle, user.id(), step.getAsLong());
            audit.append(handle, event(enable ? "user.totp_enabled" : "user.totp_removed", actor, user.id()));
            return null;
        });
    }

    private String storedAnswers(List<SecurityQuestions.Answer> answers) {
        var errors = new ArrayList<FieldError>();
        var keys = new HashSet<String>();
        var stored = new ArrayList<SecurityQuestions.StoredAnswer>();
        var given = answers == null ? List.<SecurityQuestions.Answer>of() : answers;
        if (given.size() != SecurityQuestions.REQUIRED) {
            errors.add(new FieldError("securityQuestionAnswers", "exactly " + SecurityQuestions.REQUIRED + " answers are required"));
        }
        for (int i = 0; i < given.size() && errors.isEmpty(); i++) {
            var answer = given.get(i);
            var field = "securityQuestionAnswers[" + i + "]";
            if (answer == null || answer.questionKey() == null || !SecurityQuestions.KEYS.contains(answer.questionKey())) {
                errors.add(new FieldError(field + ".questionKey", "must be one of " + new TreeSet<>(SecurityQuestions.KEYS)));
            } else if (!keys.add(answer.questionKey())) {
                errors.add(new FieldError(field + ".questionKey", "is answered twice"));
            } else if (answer.answer() == null || answer.answer().isBlank() || answer.answer().length() > 100) {
                errors.add(new FieldError(field + ".answer", "is required, at most 100 characters"));
            } else {
                stored.add(new SecurityQuestions.StoredAnswer(answer.questionKey(),
                        passwords.hash(SecurityQuestions.normalise(answer.answer()))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            return json.writeValueAsString(new SecurityQuestions.Stored(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An onboarding token may only read the account and activate it. */
    private StoredUser fullAccount(Caller caller) {
        if (caller.scopes().contains(UsersModule.ONBOARDING_SCOPE)) {
            throw new ForbiddenException("onboarding_only", "Finish onboarding first (POST /users/me/activate)");
        }
        return stored(caller);
    }

    private StoredUser stored(Caller caller) {
        if (caller.kind() != Caller.Kind.USER) {
            throw new ForbiddenException("not_a_user", "This route is for people, not integration clients");
        }
        return database.withHandle(handle -> users.find(handle, caller.subject()))
                .orElseThrow(() -> new ForbiddenException("not_a_user", "Unknown user"));
    }


    private static AuditEvent event(String action, Actor actor, String userId) {
        return new AuditEvent(action, AuditEvent.Outcome.SUCCESS, actor, "user", userId, null, Map.of());
    }
}
