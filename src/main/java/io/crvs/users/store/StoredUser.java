package io.crvs.users.store;

import io.crvs.users.User;
import java.util.Optional;

/** A user row with its credentials: the password hash, hashed security answers (JSON) and the sealed TOTP secret. */
public record StoredUser(User user, String passwordHash, Optional<String> securityAnswers, Optional<String> sealedTotpSecret,
        long totpLastStep) {
    @Override
    public String toString() {
        return "StoredUser[" + user.id() + "]";
    }
}
