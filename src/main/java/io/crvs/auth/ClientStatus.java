package io.crvs.auth;

/** Whether a client may get and use tokens. Wire names are OpenCRVS's. */
public enum ClientStatus {
    ACTIVE("active"),
    DEACTIVATED("deactivated");

    private final String wireName;

    ClientStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ClientStatus fromWire(String value) {
        for (var status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown client status " + value);
    }
}
