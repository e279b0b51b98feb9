package io.crvs.locations;

import java.time.Instant;
import java.util.List;

/** A stored location with what its FHIR form shows besides the basics: statistics by year and the last change. */
public record LocationDetails(Location location, List<YearStatistics> statistics, Instant lastUpdated) {
    public LocationDetails {
        statistics = List.copyOf(statistics);
    }
}
