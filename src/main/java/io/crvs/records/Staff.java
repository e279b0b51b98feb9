package io.crvs.records;

import java.util.List;

/**
 * A person acting on records: their user id, name, role (system role and title), office and scopes.
 *
 * @param national true for roles that work across offices (national registrar, national system administrator)
 */
public record Staff(String userId, String name, String role, String officeId, List<String> scopes, boolean national) {
    public Staff {
        scopes = List.copyOf(scopes);
    }
}
