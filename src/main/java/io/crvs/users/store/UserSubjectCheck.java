package io.crvs.users.store;

import io.crvs.auth.Caller;
import io.crvs.auth.UserSubjects;
import io.crvs.platform.db.Database;
import io.crvs.users.UserStatus;
import java.util.Optional;

/**
 * The users module's answer to the bearer check: the user exists, is active (a pending user may use only the
 * onboarding token), and the token is of the user's current token generation, which every password, role, office
 * or status change moves on.
 */
public final class UserSubjectCheck implements UserSubjects {
    private final Database database;
    private final UserStore users;
    private final String onboardingScope;

    public UserSubjectCheck(Database database, UserStore users, String onboardingScope) {
        this.database = database;
        this.users = users;
        this.onboardingScope = onboardingScope;
    }

    @Override
    public Optional<String> refusal(Caller token) {
        var state = database.withHandle(handle -> users.subjectState(handle, token.subject()));
        if (state.isEmpty()) {
            return Optional.of("The access token's user does not exist");
        }
        boolean onboarding = token.scopes().contains(onboardingScope);
        var status = state.get().status();
        if (onboarding ? status != UserStatus.PENDING : status != UserStatus.ACTIVE) {
            return Optional.of("The access token's user is " + status.wireName());
        }
        if (!token.isOfGeneration(state.get().tokenGeneration())) {
            return Optional.of("The access token was issued before the user's credentials or rights changed");
        }
        return Optional.empty();
    }
}
