package io.crvs.locations;

import java.util.Arrays;
import java.util.Optional;

/** OpenCRVS location types (FHIR {@code Location.type} codes), also the prefixes of their identifiers. */
public enum LocationType {
    ADMIN_STRUCTURE, CRVS_OFFICE, HEALTH_FACILITY;

    /** The exact code, case-sensitive as OpenCRVS validates it. */
    public static Optional<LocationType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    /** {@code ADMIN_STRUCTURE_<statisticalId>} and friends. */
    public String identifier(String statisticalId) {
        return name() + "_" + statisticalId;
    }
}
