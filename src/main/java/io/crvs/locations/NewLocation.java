package io.crvs.locations;

import java.util.List;
import java.util.Optional;

/**
 * A location to create, from the API ({@code POST /location}) or a country's CSV files.
 *
 * @param source where it came from, for error messages: {@code [2]} (the third element of a POSTed array),
 *     {@code (body)}, or {@code crvs-facilities.csv line 5}
 * @param id the id to keep (CSV ids); empty to get a new UUID
 * @param partOf the parent as the caller named it: {@link Location#ROOT}, a location id, or the statistical id
 *     of a location (stored or in the same request)
 * @param jurisdictionType for an administrative area; empty to derive it from the parent's level
 */
public record NewLocation(String source, Optional<String> id, String statisticalId, String name,
        Optional<String> alias, LocationType type, Optional<JurisdictionType> jurisdictionType, String partOf,
        List<YearStatistics> statistics) {

    public NewLocation {
        statistics = List.copyOf(statistics);
    }
}
