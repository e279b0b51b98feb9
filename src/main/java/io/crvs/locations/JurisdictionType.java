package io.crvs.locations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The level of an administrative area. OpenCRVS accepts {@code LOCATION_LEVEL_1} and {@code LOCATION_LEVEL_2} as
 * input but stores them as {@code STATE} and {@code DISTRICT}; deeper levels keep their generic names.
 */
public enum JurisdictionType {
    STATE(1), DISTRICT(2), LOCATION_LEVEL_3(3), LOCATION_LEVEL_4(4), LOCATION_LEVEL_5(5);

    public static final int DEEPEST = 5;
    private final int level;

    JurisdictionType(int level) {
        this.level = level;
    }

    /** 1 for a province (part of the country), 2 for a district, … */
    public int level() {
        return level;
    }

    public static Optional<JurisdictionType> forLevel(int level) {
        return Arrays.stream(values()).filter(j -> j.level == level).findFirst();
    }

    /** The stored value for an input code, including OpenCRVS's {@code LOCATION_LEVEL_1}/{@code _2} synonyms. */
    public static Optional<JurisdictionType> parse(String code) {
        return switch (code) {
            case "LOCATION_LEVEL_1" -> Optional.of(STATE);
            case "LOCATION_LEVEL_2" -> Optional.of(DISTRICT);
            default -> Arrays.stream(values()).filter(j -> j.name().equals(code)).findFirst();
        };
    }
}
