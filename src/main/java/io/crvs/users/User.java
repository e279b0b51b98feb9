package io.crvs.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A member of staff as other code sees them: no password, no security answers, no TOTP secret.
 *
 * @param roleTitle the country's user type (e.g. "Social Worker"), mapped to {@code systemRole}
 * @param statusReason the reason code of the last deactivation or reactivation, if any
 * @param tokensNotBefore tokens issued before this epoch second are refused
 */
public record User(String id, String username, List<String> givenNames, String familyName, SystemRole systemRole,
        String roleTitle, String primaryOfficeId, Optional<String> mobile, Optional<String> email,
        Optional<String> nationalId, String language, UserStatus status, Optional<String> statusReason,
        boolean totpEnabled, long tokensNotBefore, String createdBy, Instant createdAt, Instant updatedAt) {

    public User {
        givenNames = List.copyOf(givenNames);
    }

    public String fullName() {
        return String.join(" ", givenNames) + " " + familyName;
    }

    public List<String> scopes() {
        return systemRole.scopes();
    }
}
