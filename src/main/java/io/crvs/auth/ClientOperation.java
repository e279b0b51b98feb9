package io.crvs.auth;

/**
 * The audited operations on integration clients, each with the action it is written under in the audit log,
 * whether it succeeded or not: a refused or failed attempt carries the same action with another outcome.
 */
public enum ClientOperation {
    CREATE("client.created"),
    REVEAL_KEYS("client.keys_revealed"),
    REFRESH_SECRET("client.secret_refreshed"),
    DEACTIVATE("client.deactivated"),
    ENABLE("client.enabled"),
    UPDATE_PERMISSIONS("client.permissions_updated"),
    DELETE("client.deleted");

    private final String action;

    ClientOperation(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
