package io.crvs.users;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The seven OpenCRVS system roles and the scopes each puts in a user's token (functional spec §5.2). */
public enum SystemRole {
    FIELD_AGENT(List.of("declare")),
    REGISTRATION_AGENT(List.of("validate", "performance", "certify")),
    LOCAL_REGISTRAR(List.of("register", "performance", "certify")),
    NATIONAL_REGISTRAR(List.of("register", "performance", "certify", "config", "teams")),
    LOCAL_SYSTEM_ADMIN(List.of("sysadmin")),
    NATIONAL_SYSTEM_ADMIN(List.of("sysadmin", "natlsysadmin")),
    PERFORMANCE_MANAGEMENT(List.of("performance"));

    private final List<String> scopes;

    SystemRole(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> scopes() {
        return scopes;
    }

    public static Optional<SystemRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
