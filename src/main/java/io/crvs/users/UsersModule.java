package io.crvs.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.AccessTokens;
import io.crvs.auth.TokenVerifier;
import io.crvs.auth.UserSubjects;
import io.crvs.locations.Locations;
import io.crvs.notifications.Notifier;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.crypto.SecretBox;
import io.crvs.platform.crypto.ServerKey;
import io.crvs.platform.db.Database;
import io.crvs.platform.http.Endpoint;
import io.crvs.platform.throttle.FailureThrottle;
import io.crvs.users.account.AccountEndpoint;
import io.crvs.users.account.AccountService;
import io.crvs.users.admin.RoleTitles;
import io.crvs.users.admin.UserAdministration;
import io.crvs.users.admin.UsersEndpoint;
import io.crvs.users.login.LoginEndpoint;
import io.crvs.users.login.LoginFlow;
import io.crvs.users.password.PasswordHasher;
import io.crvs.users.seed.UserSeeder;
import io.crvs.users.store.LoginSessionStore;
import io.crvs.users.store.UserStore;
import io.crvs.users.store.UserSubjectCheck;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Staff: users with roles and offices, two-factor login, onboarding, self-service and user management. Stands in
 * for OpenCRVS's {@code packages/user-mgnt} and the user half of {@code packages/auth}.
 */
public final class UsersModule implements AutoCloseable {
    /** The only scope of the token a pending user gets at first login: enough to read and activate the account. */
    public static final String ONBOARDING_SCOPE = "onboarding";

    private final Database database;
    private final UserStore store = new UserStore();
    private final PasswordHasher passwords;
    private final UserAdministration administration;
    private final LoginFlow login;
    private final UsersConfig config;
    private final Clock clock;
    private final List<Endpoint> endpoints;

    public UsersModule(UsersConfig config, Database database, ServerKey serverKey, AuditLog audit, Notifier notifier,
            Locations locations, AccessTokens tokens, TokenVerifier verifier, FailureThrottle throttle, Clock clock,
            ObjectMapper json) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.passwords = new PasswordHasher(config.passwordMemoryKib(), config.passwordIterations());
        var notifications = new UserNotifications(notifier, config.login().channel());
        var totpBox = new SecretBox(serverKey.derive("crvs user totp v1", "AES"));
        this.administration = new UserAdministration(database, store, locations, passwords, notifications,
                RoleTitles.farajaland(), audit, config.phonePattern(), clock);
        this.login = new LoginFlow(database, store, new LoginSessionStore(), passwords, throttle, notifications, tokens,
                verifier, audit, totpBox, serverKey.derive("crvs login code v1", "HmacSHA256"), config.login(), clock);
        // One throttle for login and password change: guesses at a password share one budget, whichever the door.
        var accounts = new AccountService(database, store, passwords, tokens, totpBox, audit, throttle, json,
                config.login().userTokenTtl(), config.applicationName(), clock);
        this.endpoints = List.of(new LoginEndpoint(login, json), new AccountEndpoint(accounts, verifier, json),
                new UsersEndpoint(administration, verifier, json));
    }

    /** The bearer check's view of users; built before the auth module, which needs it. */
    public static UserSubjects subjects(Database database) {
        return new UserSubjectCheck(database, new UserStore(), ONBOARDING_SCOPE);
    }

    /** Loads Farajaland's development users into a database that has none (development only). */
    public int seedTestUsersIfEmpty() {
        if (!config.seedTestUsers() || database.withHandle(store::count) > 0) {
            return 0;
        }
        var hash = passwords.hash("test");
        return database.inTransaction(handle -> new UserSeeder(store).loadFarajaland(handle, hash, clock.instant()));
    }

    public UserAdministration administration() {
        return administration;
    }

    /** The first National System Administrator, from the command line. */
    public UserAdministration.Created createFirstAdmin(UserDraft draft) {
        return administration.createFirstAdmin(draft, Actor.commandLine());
    }

    public Optional<User> find(String id) {
        return database.withHandle(handle -> store.find(handle, id)).map(s -> s.user());
    }

    public Optional<User> findByUsername(String username) {
        return database.withHandle(handle -> store.findByUsername(handle, username)).map(s -> s.user());
    }

    public String passwordParameters() {
        return passwords.parameters();
    }

    public void maintain() {
        login.purgeExpired();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        passwords.close();
    }
}
