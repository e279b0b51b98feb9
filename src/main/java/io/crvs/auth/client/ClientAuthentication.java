package io.crvs.auth.client;

import io.crvs.auth.IntegrationClient;

/** The outcome of checking a client's credentials. The refusal reason is for the audit log only, never the caller. */
public sealed interface ClientAuthentication {
    record Authenticated(IntegrationClient client) implements ClientAuthentication {
    }

    record Refused(String reason) implements ClientAuthentication {
        public static final String UNKNOWN_CLIENT = "unknown_client";
        public static final String WRONG_SECRET = "wrong_secret";
        public static final String DEACTIVATED = "client_deactivated";
    }
}
