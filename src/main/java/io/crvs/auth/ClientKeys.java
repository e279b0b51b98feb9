package io.crvs.auth;

/** What "Reveal keys" shows: the client id and the webhook signing key. */
public record ClientKeys(String id, String clientId, String shaSecret) {
    @Override
    public String toString() {
        return "ClientKeys[" + clientId + ", sha_secret=***]";
    }
}
