package io.crvs.users;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What an administrator supplies to create or edit a user; the username, password and status are crvs's. */
public record UserDraft(List<String> givenNames, String familyName, String systemRole, Optional<String> roleTitle,
        String primaryOfficeId, Optional<String> mobile, Optional<String> email, Optional<String> nationalId,
        Optional<String> language) {

    public UserDraft {
        // Not List.copyOf: a null name from a JSON body must reach validation (a 400), not throw here.
        givenNames = givenNames == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(givenNames));
    }
}
