package io.crvs.locations;

import java.util.Optional;
import java.util.Set;

/**
 * A search over locations; every present filter must match. Results come ordered by name, then id, so pages
 * of the same query line up.
 *
 * @param types any of these types; empty for all
 * @param partOf the parent's id, or {@link Location#ROOT} for the top-level areas
 * @param namePrefix case-insensitive start of the name or the alias (FHIR string search)
 * @param matchesNothing the filters contradict each other (e.g. an identifier of another type): no results
 */
public record LocationQuery(Set<LocationType> types, Optional<String> statisticalId,
        Optional<JurisdictionType> jurisdictionType, Optional<String> namePrefix, Optional<String> status,
        Optional<String> partOf, boolean matchesNothing, int offset, int count) {

    public LocationQuery {
        types = Set.copyOf(types);
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative");
        }
    }
}
