package io.crvs.locations;

/** OpenCRVS location types (FHIR {@code Location.type} codes). */
public enum LocationType {
    ADMIN_STRUCTURE, CRVS_OFFICE, HEALTH_FACILITY
}
