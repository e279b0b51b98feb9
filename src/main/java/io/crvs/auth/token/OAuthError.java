package io.crvs.auth.token;

/**
 * RFC 6749 §5.2 errors, with OpenCRVS's exact descriptions where it has one (interop §1.4), so existing clients
 * that display them see the same text.
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400,
            "Invalid request. Check that all required parameters (client_id, client_secret and grant_type) have been provided."),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400, "Invalid grant type. Only client_credentials is supported."),
    /** RFC 6749 has no code of its own for this; the status says what is wrong. */
    BODY_TOO_LARGE("invalid_request", 413, "The request body is too large"),
    INVALID_CLIENT("invalid_client", 401, "Invalid client id or secret"),
    TOO_MANY_ATTEMPTS("temporarily_unavailable", 429, "Too many failed attempts; retry later."),
    SERVER_ERROR("server_error", 503, "The server cannot issue tokens right now; retry later.");

    /** OpenCRVS sends this prose, not a bare URI, in {@code error_uri}; kept for clients that display it. */
    public static final String ERROR_URI =
            "Refer to https://documentation.opencrvs.org/technology/interoperability/authenticate-a-client";

    private final String code;
    private final int status;
    private final String description;

    OAuthError(String code, int status, String description) {
        this.code = code;
        this.status = status;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String description() {
        return description;
    }
}
