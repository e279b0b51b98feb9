package io.crvs.users.admin;

import io.crvs.auth.Caller;
import io.crvs.auth.Scopes;
import io.crvs.locations.Locations;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.RandomTokens;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ConflictException;
import io.crvs.platform.problem.ForbiddenException;
import io.crvs.platform.problem.NotFoundException;
import io.crvs.platform.problem.ValidationException;
import io.crvs.users.SystemRole;
import io.crvs.users.User;
import io.crvs.users.UserDraft;
import io.crvs.users.UserNotifications;
import io.crvs.users.UserStatus;
import io.crvs.users.password.PasswordHasher;
import io.crvs.users.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * User management for system administrators (functional spec §18): a Local System Administrator ({@code sysadmin})
 * manages the users of their own office, a National System Administrator ({@code natlsysadmin}) any office.
 * OpenCRVS enforced the office limit only in its UI; here it is enforced for every call. Every action is audited
 * in its own transaction together with any notification it sends.
 */
public final class UserAdministration {
    public static final Set<String> DEACTIVATION_REASONS = Set.of("TERMINATED", "SUSPICIOUS", "OTHER");
    public static final Set<String> REACTIVATION_REASONS = Set.of("ROLE_REGAINED", "NOT_SUSPICIOUS", "OTHER");
    /** Concurrent creates of one name each take the next free username; every lost race costs one attempt. */
    private static final int MAX_CREATE_ATTEMPTS = 20;

    private final Database database;
    private final UserStore users;
    private final Locations locations;
    private final PasswordHasher passwords;
    private final UserNotifications notifications;
    private final RoleTitles titles;
    private final AuditLog audit;
    private final Pattern phone;
    private final Clock clock;

    public UserAdministration(Database database, UserStore users, Locations locations, PasswordHasher passwords,
            UserNotifications notifications, RoleTitles titles, AuditLog audit, Pattern phone, Clock clock) {
        this.database = database;
        this.users = users;
        this.locations = locations;
        this.passwords = passwords;
        this.notifications = notifications;
        this.titles = titles;
        this.audit = audit;
        this.phone = phone;
        this.clock = clock;
    }

    /** A new user and the temporary password that the invitation carries. */
    public record Created(User user, String temporaryPassword) {
        @Override
        public String toString() {
            return "Created[" + user.username() + ", password=***]";
        }
    }

    public Created create(UserDraft draft, Caller caller, Actor actor) {
        var checked = checked(draft);
        var admin = admin(caller);
        mayManage(admin, caller, checked.officeId());
        mayGrant(caller, checked.role());
        return insert(checked, actor.id() == null ? actor.type() : actor.id(), actor, true);
    }

    /** The first National System Administrator, created from the command line: no caller, no invitation. */
    public Created createFirstAdmin(UserDraft draft, Actor actor) {
        var checked = checked(draft);
        if (checked.role() != SystemRole.NATIONAL_SYSTEM_ADMIN) {
            throw new ValidationException("systemRole", "must be NATIONAL_SYSTEM_ADMIN");
        }
        return insert(checked, actor.id() == null ? actor.type() : actor.id(), actor, false);
    }

    private Created insert(UserRules.Checked checked, String createdBy, Actor actor, boolean invite) {
        var temporary = RandomTokens.base64url(12);
        var hash = passwords.hash(temporary);
        // Both databases keep microseconds: the creation response must show the timestamps later reads return.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            try {
                var created = database.inTransaction(handle -> {
                    refuseTakenContacts(handle, checked, Optional.empty());
                    var user = new User(RandomTokens.objectId(now.getEpochSecond()), freeUsername(handle, checked),
                            checked.givenNames(), checked.familyName(), checked.role(), checked.title(), checked.officeId(),
                            checked.mobile(), checked.email(), checked.nationalId(), checked.language(), UserStatus.PENDING,
                            Optional.empty(), false, 0, createdBy, now, now);
                    users.insert(handle, user, hash);
                    if (invite) {
                        notifications.credentials(handle, user, temporary);
                    }
                    audit.append(handle, event("user.created", actor, user.id(), Map.of("username", user.username(),
                            "system_role", user.systemRole().name(), "office", user.primaryOfficeId())));
                    return user;
                });
                return new Created(created, temporary);
            } catch (RuntimeException e) {
                if (!Database.isUniqueViolation(e) || attempt >= MAX_CREATE_ATTEMPTS) {
                    throw e;
                }
                // Lost a race with a concurrent create: a contact taken meanwhile is the 409 the check would have
                // given; a username taken meanwhile means trying the next free one.
                refuseTakenContactsNow(checked, Optional.empty());
            }
        }
    }

    /** After a unique violation: the 409 for a contact another user now holds; returns if none is taken. */
    private void refuseTakenContactsNow(UserRules.Checked checked, Optional<String> self) {
        database.inTransaction(handle -> {
            refuseTakenContacts(handle, checked, self);
            return null;
        });
    }

    public User edit(String id, UserDraft draft, Caller caller, Actor actor) {
        var checked = checked(draft);
        var admin = admin(caller);
        mayGrant(caller, checked.role());
        var now = clock.instant();
        try {
            return editOnce(id, checked, admin, caller, actor, now);
        } catch (RuntimeException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            // Lost a race with a concurrent change that took the same contact: the 409 the check would have given.
            refuseTakenContactsNow(checked, Optional.of(id));
            throw e;
        }
    }

    /**
     * Refuses an edit the caller may not make whatever it would change: 404 for an unknown user, 403 for another
     * office's user or a National System Administrator. {@link #edit} checks again in its transaction.
     */
    public void mayEdit(String id, Caller caller) {
        var admin = admin(caller);
        User target = database.withHandle(handle -> load(handle, id));
        mayManage(admin, caller, target);
    }

    private User editOnce(String id, UserRules.Checked checked, User admin, Caller caller, Actor actor, Instant now) {
        return database.inTransaction(handle -> {
            var current = load(handle, id);
            mayManage(admin, caller, current);
            mayManage(admin, caller, checked.officeId());
            refuseTakenContacts(handle, checked, Optional.of(current.id()));
            // A new role or office changes what the user's tokens allow: retire the existing ones.
            boolean privilegesChanged = current.systemRole() != checked.role()
                    || !current.primaryOfficeId().equals(checked.officeId());
            var updated = new User(current.id(), current.username(), checked.givenNames(), checked.familyName(),
                    checked.role(), checked.title(), checked.officeId(), checked.mobile(), checked.email(),
                    checked.nationalId(), checked.language(), current.status(), current.statusReason(),
                    current.totpEnabled(), current.tokenGeneration(), current.createdBy(), current.createdAt(), now);
            users.updateDetails(handle, updated, now);
            if (privilegesChanged) {
                users.retireTokens(handle, id);
            }
            audit.append(handle, event("user.edited", actor, id, Map.of("system_role", checked.role().name(),
                    "office", checked.officeId(), "privileges_changed", privilegesChanged)));
            return users.find(handle, id).orElseThrow().user();
        });
    }

    public User deactivate(String id, String reason, String comment, Caller caller, Actor actor) {
        checkReason(reason, comment, DEACTIVATION_REASONS);
        if (id.equals(caller.subject())) {
            throw new ConflictException("self_deactivation", "You cannot deactivate your own account");
        }
        return changeStatus(id, UserStatus.DEACTIVATED, reason, comment, caller, actor, "user.deactivated",
                Set.of(UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.DISABLED));
    }

    public User reactivate(String id, String reason, String comment, Caller caller, Actor actor) {
        checkReason(reason, comment, REACTIVATION_REASONS);
        return changeStatus(id, UserStatus.ACTIVE, reason, comment, caller, actor, "user.reactivated",
                Set.of(UserStatus.DEACTIVATED, UserStatus.DISABLED));
    }

    private User changeStatus(String id, UserStatus target, String reason, String comment, Caller caller, Actor actor,
            String action, Set<UserStatus> from) {
        var admin = admin(caller);
        var now = clock.instant();
        return database.inTransaction(handle -> {
            var current = load(handle, id);
            mayManage(admin, caller, current);
            if (!from.contains(current.status())) {
                throw new ConflictException("user_status", "The user is " + current.status().wireName());
            }
            var next = target;
            if (target == UserStatus.DEACTIVATED) {
                users.rememberStatusBeforeDeactivation(handle, id, current.status());
            } else if (users.statusBeforeDeactivation(handle, id).filter(UserStatus.PENDING::equals).isPresent()) {
                // Never onboarded (or reset and not yet onboarded again): back to pending, not to a full login
                // with the temporary password.
                next = UserStatus.PENDING;
            }
            users.updateStatus(handle, id, next, reason, comment, now);
            var details = new LinkedHashMap<String, Object>();
            details.put("reason", reason);
            details.put("previous_status", current.status().wireName());
            if (comment != null && !comment.isBlank()) {
                details.put("comment", comment.strip());
            }
            audit.append(handle, event(action, actor, id, details));
            return users.find(handle, id).orElseThrow().user();
        });
    }

    /** A new temporary password by the configured channel; the user must onboard again (status pending). */
    public void resetPassword(String id, Caller caller, Actor actor) {
        var admin = admin(caller);
        var temporary = RandomTokens.base64url(12);
        var hash = passwords.hash(temporary);
        var now = clock.instant();
        database.inTransaction(handle -> {
            var current = load(handle, id);
            mayManage(admin, caller, current);
            refuseInactive(current);
            changePassword(handle, current, hash, UserStatus.PENDING, now);
            notifications.passwordReset(handle, current, temporary);
            audit.append(handle, event("user.password_reset", actor, id, Map.of()));
            return null;
        });
    }

    public void usernameReminder(String id, Caller caller, Actor actor) {
        var admin = admin(caller);
        database.inTransaction(handle -> {
            var current = load(handle, id);
            mayManage(admin, caller, current);
            refuseInactive(current);
            notifications.usernameReminder(handle, current);
            audit.append(handle, event("user.username_reminder_sent", actor, id, Map.of()));
            return null;
        });
    }

    /** A pending user's invitation again, with a new temporary password (the old one stops working). */
    public void resendInvite(String id, Caller caller, Actor actor) {
        var admin = admin(caller);
        var temporary = RandomTokens.base64url(12);
        var hash = passwords.hash(temporary);
        var now = clock.instant();
        database.inTransaction(handle -> {
            var current = load(handle, id);
            mayManage(admin, caller, current);
            if (current.status() != UserStatus.PENDING) {
                throw new ConflictException("user_status", "Only a pending user can be invited again; the user is "
                        + current.status().wireName());
            }
            changePassword(handle, current, hash, UserStatus.PENDING, now);
            notifications.credentials(handle, current, temporary);
            audit.append(handle, event("user.invite_resent", actor, id, Map.of()));
            return null;
        });
    }

    private void changePassword(Handle handle, User current, String hash, UserStatus next, Instant now) {
        if (!users.updatePassword(handle, current.id(), hash, current.status(), next, now)) {
            throw UserStore.statusChangedMeanwhile();
        }
    }

    /** One page of an office's users. */
    public record Page(List<User> users, int total) {
    }

    public Page list(String officeId, int skip, int count, Caller caller) {
        var admin = admin(caller);
        mayManage(admin, caller, officeId);
        return database.withHandle(handle -> new Page(users.listByOffice(handle, officeId, skip, count),
                users.countByOffice(handle, officeId)));
    }

    public User get(String id, Caller caller) {
        var admin = admin(caller);
        var user = database.withHandle(handle -> load(handle, id));
        mayManage(admin, caller, user.primaryOfficeId());
        return user;
    }

    private UserRules.Checked checked(UserDraft draft) {
        var checked = UserRules.check(draft, titles, phone);
        var office = locations.find(checked.officeId());
        if (office.isEmpty() || !office.get().isOffice() || !"active".equals(office.get().status())) {
            throw new ValidationException("primaryOfficeId", "is not an active civil registration office");
        }
        return checked;
    }

    private User admin(Caller caller) {
        if (!caller.hasScope(Scopes.SYSADMIN) && !caller.hasScope(Scopes.NATLSYSADMIN)) {
            throw new ForbiddenException("insufficient_scope", "User management needs a system administrator");
        }
        return database.withHandle(handle -> users.find(handle, caller.subject())).map(s -> s.user())
                .orElseThrow(() -> new ForbiddenException("not_a_user", "User management needs a system administrator"));
    }

    private static void mayManage(User admin, Caller caller, String officeId) {
        if (!caller.hasScope(Scopes.NATLSYSADMIN) && !admin.primaryOfficeId().equals(officeId)) {
            throw new ForbiddenException("other_office", "A local system administrator manages only the users of their own office");
        }
    }

    /**
     * Changing a user: their office must be the caller's (or the caller national), and only a National System
     * Administrator may change, deactivate or reset a National System Administrator, as only one may grant the role.
     */
    private static void mayManage(User admin, Caller caller, User target) {
        mayManage(admin, caller, target.primaryOfficeId());
        if (target.systemRole() == SystemRole.NATIONAL_SYSTEM_ADMIN && !caller.hasScope(Scopes.NATLSYSADMIN)) {
            throw new ForbiddenException("role_not_grantable",
                    "Only a National System Administrator can manage a National System Administrator");
        }
    }

    private static void mayGrant(Caller caller, SystemRole role) {
        if (role == SystemRole.NATIONAL_SYSTEM_ADMIN && !caller.hasScope(Scopes.NATLSYSADMIN)) {
            throw new ForbiddenException("role_not_grantable", "Only a National System Administrator can grant that role");
        }
    }

    private static void refuseInactive(User user) {
        if (user.status() == UserStatus.DEACTIVATED || user.status() == UserStatus.DISABLED) {
            throw new ConflictException("user_status", "The user is " + user.status().wireName());
        }
    }

    private static void checkReason(String reason, String comment, Set<String> allowed) {
        if (reason == null || !allowed.contains(reason)) {
            throw new ValidationException("reason", "must be one of " + new TreeSet<>(allowed));
        }
        if ("OTHER".equals(reason) && (comment == null || comment.isBlank())) {
            throw new ValidationException("comment", "is required when the reason is OTHER");
        }
        if (comment != null && comment.length() > 500) {
            throw new ValidationException("comment", "must be at most 500 characters");
        }
    }

    private void refuseTakenContacts(Handle handle, UserRules.Checked checked, Optional<String> self) {
        checked.mobile().flatMap(m -> users.contactOwner(handle, "mobile", m)).filter(owner -> !self.equals(Optional.of(owner)))
                .ifPresent(owner -> {
                    throw new ConflictException("mobile_taken", "Another user has this mobile number");
                });
        checked.email().flatMap(e -> users.contactOwner(handle, "email", e)).filter(owner -> !self.equals(Optional.of(owner)))
                .ifPresent(owner -> {
                    throw new ConflictException("email_taken", "Another user has this email address");
                });
    }

    private String freeUsername(Handle handle, UserRules.Checked checked) {
        var base = UserRules.baseUsername(checked.givenNames(), checked.familyName());
        var candidate = base;
        for (int suffix = 1; users.usernameTaken(handle, candidate); suffix++) {
            candidate = base + suffix;
        }
        return candidate;
    }

    private User load(Handle handle, String id) {
        return users.find(handle, id).map(s -> s.user())
                .orElseThrow(() -> new NotFoundException("user_not_found", "No user with id '" + shorten(id) + "'"));
    }


    private static String shorten(String id) {
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static AuditEvent event(String action, Actor actor, String userId, Map<String, Object> details) {
        return new AuditEvent(action, AuditEvent.Outcome.SUCCESS, actor, "user", userId, null, details);
    }
}
