package io.crvs.auth;

/** The audience each kind of protected route requires, as OpenCRVS's resource servers do (interop §2.6). */
public final class Audiences {
    public static final String AUTH = "opencrvs:auth-user";
    public static final String USER_MGNT = "opencrvs:user-mgnt-user";
    public static final String GATEWAY = "opencrvs:gateway-user";
    public static final String WEBHOOKS = "opencrvs:webhooks-user";

    private Audiences() {
    }
}
