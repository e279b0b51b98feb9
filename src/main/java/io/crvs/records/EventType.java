package io.crvs.records;

import java.util.Optional;

/** The vital events crvs registers, with OpenCRVS's codes (functional spec §2). */
public enum EventType {
    BIRTH("B", "birth", "child-details", "birth-encounter"),
    DEATH("D", "death", "deceased-details", "death-encounter");

    private final String trackingPrefix;
    private final String code;
    private final String subjectSection;
    private final String encounterSection;

    EventType(String trackingPrefix, String code, String subjectSection, String encounterSection) {
        this.trackingPrefix = trackingPrefix;
        this.code = code;
        this.subjectSection = subjectSection;
        this.encounterSection = encounterSection;
    }

    /** First letter of tracking ids: B or D. */
    public String trackingPrefix() {
        return trackingPrefix;
    }

    /** Lower-case code used in composition types and identifier systems: birth, death. */
    public String code() {
        return code;
    }

    public String subjectSection() {
        return subjectSection;
    }

    public String encounterSection() {
        return encounterSection;
    }

    /** From a Task code ({@code BIRTH}, {@code DEATH}). */
    public static Optional<EventType> fromTaskCode(String code) {
        for (var type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
