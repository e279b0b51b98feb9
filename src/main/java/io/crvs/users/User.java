package io.crvs.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A member of staff as other code sees them: no password, no security answers, no TOTP secret.
 *
 * @param roleTitle the country's user type (e.g. "Social Worker"), mapped to {@code systemRole}
 * @param statusReason the reason code of the last deactivation or reactivation, if any
 * @param tokenGeneration moved on by every change to the user's password, role, office or status; user tokens carry
 *     the generation they were issued in, and those of an earlier one are refused
 */
public record User(String id, String username, List<String> givenNames, String familyName, SystemRole systemRole,
        String roleTitle, String primaryOfficeId, Optional<String> mobile, Optional<String> email,
        Optional<String> nationalId, String language, UserStatus status, Optional<String> statusReason,
        boolean totpEnabled, long tokenGeneration, String createdBy, Instant createdAt, Instant updatedAt) {

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
