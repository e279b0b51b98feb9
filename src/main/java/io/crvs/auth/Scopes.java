package io.crvs.auth;

/** Scope names used across crvs, as OpenCRVS v1.4 spells them. */
public final class Scopes {
    public static final String NATLSYSADMIN = "natlsysadmin";
    public static final String SYSADMIN = "sysadmin";
    public static final String DECLARE = "declare";
    public static final String NOTIFICATION_API = "notification-api";
    public static final String NATIONAL_ID = "nationalId";
    public static final String RECORD_SEARCH = "recordsearch";
    public static final String WEBHOOK = "webhook";

    private Scopes() {
    }
}
