package io.crvs.auth;

import io.crvs.platform.problem.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * The type {@code value} names exactly: OpenCRVS's {@code SystemType} enum is upper case, and so are its
     * clients. Otherwise a 400 naming {@code field} and the types there are.
     */
    public static ClientType require(String value, String field) {
        return Arrays.stream(values()).filter(type -> type.name().equals(value)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of " + Arrays.stream(values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }
}
