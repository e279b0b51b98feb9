package io.crvs.records.workflow;

/** What can be done to a record. History names are OpenCRVS's where it has one. */
public enum Action {
    NOTIFY("NOTIFIED"),
    DECLARE("DECLARED"),
    VALIDATE("VALIDATED"),
    UPDATE("DECLARATION_UPDATED"),
    REJECT("REJECTED"),
    REGISTER("REGISTERED"),
    ARCHIVE("ARCHIVED"),
    REINSTATE("REINSTATED"),
    VIEW("VIEWED");

    private final String historyName;

    Action(String historyName) {
        this.historyName = historyName;
    }

    public String historyName() {
        return historyName;
    }
}
