package io.crvs.users.store;

import io.crvs.platform.problem.ConflictException;
import io.crvs.users.SystemRole;
import io.crvs.users.User;
import io.crvs.users.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code users}. Methods take the caller's transaction. Stateless. */
public final class UserStore {
    private static final String COLUMNS = """
            id, username, given_names, family_name, system_role, role_title, primary_office_id, mobile, email,
            national_id, language, status, status_reason, password_hash, security_answers, totp_secret, totp_enabled,
            totp_last_step, token_generation, created_by, created_at, updated_at""";

    public void insert(Handle handle, User user, String passwordHash) {
        handle.createUpdate("""
                INSERT INTO users (id, username, given_names, family_name, system_role, role_title, primary_office_id,
                    mobile, email, national_id, language, status, password_hash, totp_enabled, totp_last_step,
                    token_generation, created_by, created_at, updated_at)
                VALUES (:id, :username, :givenNames, :familyName, :systemRole, :roleTitle, :office, :mobile, :email,
                    :nationalId, :language, :status, :passwordHash, FALSE, 0, :generation, :createdBy, :createdAt, :createdAt)""")
                .bind("id", user.id()).bind("username", user.username())
                .bind("givenNames", String.join(" ", user.givenNames())).bind("familyName", user.familyName())
                .bind("systemRole", user.systemRole().name()).bind("roleTitle", user.roleTitle())
                .bind("office", user.primaryOfficeId()).bind("mobile", user.mobile().orElse(null))
                .bind("email", user.email().orElse(null)).bind("nationalId", user.nationalId().orElse(null))
                .bind("language", user.language()).bind("status", user.status().wireName())
                .bind("passwordHash", passwordHash).bind("generation", user.tokenGeneration())
                .bind("createdBy", user.createdBy()).bind("createdAt", utc(user.createdAt()))
                .execute();
    }

    /**
     * Rewrites the editable details of {@code user} (names, role, office, contacts, language); leaves the user's
     * tokens alone ({@link #retireTokens} does that when the role or office changes).
     */
    public void updateDetails(Handle handle, User user, Instant now) {
        handle.createUpdate("""
                UPDATE users SET given_names = :givenNames, family_name = :familyName, system_role = :systemRole,
                    role_title = :roleTitle, primary_office_id = :office, mobile = :mobile, email = :email,
                    national_id = :nationalId, language = :language, updated_at = :now
                WHERE id = :id""")
                .bind("givenNames", String.join(" ", user.givenNames())).bind("familyName", user.familyName())
                .bind("systemRole", user.systemRole().name()).bind("roleTitle", user.roleTitle())
                .bind("office", user.primaryOfficeId()).bind("mobile", user.mobile().orElse(null))
                .bind("email", user.email().orElse(null)).bind("nationalId", user.nationalId().orElse(null))
                .bind("language", user.language()).bind("now", utc(now))
                .bind("id", user.id()).execute();
    }

    /** New status (and its reason); retires the user's tokens, so a reactivation does not revive them. */
    public void updateStatus(Handle handle, String id, UserStatus status, String reason, String comment, Instant now) {
        handle.createUpdate("""
                UPDATE users SET status = :status, status_reason = :reason, status_comment = :comment,
                    token_generation = token_generation + 1, updated_at = :now WHERE id = :id""")
                .bind("status", status.wireName()).bind("reason", reason).bind("comment", comment)
                .bind("now", utc(now)).bind("id", id).execute();
    }

    /** Remembers the status a user has as they are deactivated, for their reactivation. */
    public void rememberStatusBeforeDeactivation(Handle handle, String id, UserStatus status) {
        handle.createUpdate("UPDATE users SET status_before_deactivation = :status WHERE id = :id")
                .bind("status", status.wireName()).bind("id", id).execute();
    }

    /** The status the user had when last deactivated, if known. */
    public Optional<UserStatus> statusBeforeDeactivation(Handle handle, String id) {
        return handle.createQuery("SELECT status_before_deactivation FROM users WHERE id = :id").bind("id", id)
                .mapTo(String.class).list().stream().filter(Objects::nonNull).findFirst().map(UserStatus::fromWire);
    }

    /** New password (and status, e.g. back to pending after a reset); retires the user's tokens. */
    /** The answer when a conditional update finds the user's status changed since it was read. */
    public static ConflictException statusChangedMeanwhile() {
        return new ConflictException("user_status", "The user's status changed at the same time; reload and try again");
    }

    /**
     * A new password and status, only if the user is still in status {@code expected}: the slow hash is computed
     * outside the transaction, and a deactivation that landed meanwhile must not be undone. False if it was not.
     */
    public boolean updatePassword(Handle handle, String id, String passwordHash, UserStatus expected, UserStatus status,
            Instant now) {
        return handle.createUpdate("""
                UPDATE users SET password_hash = :hash, status = :status, password_changed_at = :now,
                    token_generation = token_generation + 1, updated_at = :now WHERE id = :id AND status = :expected""")
                .bind("hash", passwordHash).bind("status", status.wireName()).bind("now", utc(now)).bind("id", id)
                .bind("expected", expected.wireName()).execute() == 1;
    }

    /**
     * Refuses every token the user holds now: moves their token generation on. Incremented in SQL (here and in
     * {@link #updatePassword} and {@link #updateStatus}), not written from a value read earlier, so two
     * concurrent changes cannot both land on the same generation.
     */
    public void retireTokens(Handle handle, String id) {
        handle.createUpdate("UPDATE users SET token_generation = token_generation + 1 WHERE id = :id")
                .bind("id", id).execute();
    }

    /** Re-hash with current parameters after a successful login; nothing else changes. */
    public void rehashPassword(Handle handle, String id, String passwordHash) {
        handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id).execute();
    }

    public void updateSecurityAnswers(Handle handle, String id, String answersJson) {
        handle.createUpdate("UPDATE users SET security_answers = :answers WHERE id = :id")
                .bind("answers", answersJson).bind("id", id).execute();
    }

    public void updateTotp(Handle handle, String id, String sealedSecret, boolean enabled, Instant now) {
        handle.createUpdate("""
                UPDATE users SET totp_secret = :secret, totp_enabled = :enabled, totp_last_step = 0, updated_at = :now
                WHERE id = :id""")
                .bind("secret", sealedSecret).bind("enabled", enabled).bind("now", utc(now)).bind("id", id).execute();
    }

    /** Records a used TOTP time step; false if it (or a later one) was already used: replay. */
    public boolean useTotpStep(Handle handle, String id, long step) {
        return handle.createUpdate("UPDATE users SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .bind("step", step).bind("id", id).execute() == 1;
    }

    public Optional<StoredUser> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> stored(rs)).findFirst();
    }

    public Optional<StoredUser> findByUsername(Handle handle, String username) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
                .bind("username", username).map((rs, ctx) -> stored(rs)).findFirst();
    }

    public boolean usernameTaken(Handle handle, String username) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE username = :username")
                .bind("username", username).mapTo(Integer.class).one() > 0;
    }

    public Optional<String> contactOwner(Handle handle, String column, String value) {
        var sql = switch (column) {
            case "mobile" -> "SELECT id FROM users WHERE mobile = :value";
            case "email" -> "SELECT id FROM users WHERE email = :value";
            default -> throw new IllegalArgumentException(column);
        };
        return handle.createQuery(sql).bind("value", value).mapTo(String.class).findFirst();
    }

    public List<User> listByOffice(Handle handle, String officeId, int skip, int count) {
        return handle.createQuery("SELECT " + COLUMNS + """
                 FROM users WHERE primary_office_id = :office ORDER BY family_name, given_names, id
                LIMIT :count OFFSET :skip""")
                .bind("office", officeId).bind("count", count).bind("skip", skip)
                .map((rs, ctx) -> stored(rs).user()).list();
    }

    public int countByOffice(Handle handle, String officeId) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE primary_office_id = :office")
                .bind("office", officeId).mapTo(Integer.class).one();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one();
    }

    /** What the bearer check needs: status and current token generation. */
    public Optional<SubjectState> subjectState(Handle handle, String id) {
        return handle.createQuery("SELECT status, token_generation FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new SubjectState(UserStatus.fromWire(rs.getString("status")),
                        rs.getLong("token_generation")))
                .findFirst();
    }

    private static StoredUser stored(ResultSet rs) throws SQLException {
        var user = new User(rs.getString("id"), rs.getString("username"),
                Arrays.asList(rs.getString("given_names").split(" ")), rs.getString("family_name"),
                SystemRole.valueOf(rs.getString("system_role")), rs.getString("role_title"),
                rs.getString("primary_office_id"), Optional.ofNullable(rs.getString("mobile")),
                Optional.ofNullable(rs.getString("email")), Optional.ofNullable(rs.getString("national_id")),
                rs.getString("language"), UserStatus.fromWire(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")), rs.getBoolean("totp_enabled"),
                rs.getLong("token_generation"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        return new StoredUser(user, rs.getString("password_hash"), Optional.ofNullable(rs.getString("security_answers")),
                Optional.ofNullable(rs.getString("totp_secret")), rs.getLong("totp_last_step"));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A user token subject as the bearer check sees it. */
    public record SubjectState(UserStatus status, long tokenGeneration) {
    }
}
