package io.crvs.locations;

import java.util.Optional;

/**
 * A place: an administrative area (province = STATE, district = DISTRICT, deeper levels), a civil registration
 * office or a health facility.
 *
 * @param id the resource id ({@code Location/<id>}): the CSV id for imported rows, a UUID for rows created over
 *     the API
 * @param statisticalId the code OpenCRVS puts in the identifiers ({@code ADMIN_STRUCTURE_<statisticalId>},
 *     {@code CRVS_OFFICE_<statisticalId>} …); unique across all locations
 * @param jurisdictionType present exactly for administrative areas
 * @param partOf the parent location's id; empty for a top-level area (OpenCRVS's {@code Location/0})
 * @param status {@code active} or {@code inactive}
 */
public record Location(String id, String statisticalId, String name, Optional<String> alias, LocationType type,
        Optional<JurisdictionType> jurisdictionType, Optional<String> partOf, String status) {

    /** The reference OpenCRVS uses for the parent of top-level areas: the country, which is not stored. */
    public static final String ROOT = "0";
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    public boolean isOffice() {
        return type == LocationType.CRVS_OFFICE;
    }

    public boolean isAdminArea() {
        return type == LocationType.ADMIN_STRUCTURE;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
