package io.crvs.locations;

import java.util.List;

/** One page of a search: the matching locations from the query's offset on, and how many match in all. */
public record LocationPage(List<LocationDetails> entries, int total) {
    public LocationPage {
        entries = List.copyOf(entries);
    }
}
