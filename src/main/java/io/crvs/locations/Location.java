package io.crvs.locations;

import java.util.Optional;

/**
 * A place: an administrative area (province = STATE, district = DISTRICT), a civil registration office or a
 * health facility.
 *
 * @param partOf the parent location's id; empty for a top-level area
 * @param status {@code active} or {@code inactive}
 */
public record Location(String id, String name, Optional<String> alias, LocationType type,
        Optional<String> jurisdictionType, Optional<String> partOf, String status) {

    public boolean isOffice() {
        return type == LocationType.CRVS_OFFICE;
    }
}
