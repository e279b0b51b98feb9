package io.crvs.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of integration client and the scopes each receives (OpenCRVS {@code systemScopeMapping}, interop §3.1). */
public enum ClientType {
    HEALTH(List.of(Scopes.DECLARE, Scopes.NOTIFICATION_API), false),
    NATIONAL_ID(List.of(Scopes.NATIONAL_ID), true),
    RECORD_SEARCH(List.of(Scopes.RECORD_SEARCH), false),
    WEBHOOK(List.of(Scopes.WEBHOOK), false);

    private final List<String> scopes;
    private final boolean singleton;

    ClientType(List<String> scopes, boolean singleton) {
        this.scopes = scopes;
        this.singleton = singleton;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** True when at most one client of this type may exist. */
    public boolean isSingleton() {
        return singleton;
    }

    public static Optional<ClientType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
