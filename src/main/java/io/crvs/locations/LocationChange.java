package io.crvs.locations;

import java.util.Optional;

/**
 * A change to a location ({@code PUT /location/{id}}): each present part replaces what is stored; statistics
 * replace the given year's figures or add that year.
 */
public record LocationChange(Optional<String> name, Optional<String> alias, Optional<String> status,
        Optional<YearStatistics> statistics) {

    public boolean isEmpty() {
        return name.isEmpty() && alias.isEmpty() && status.isEmpty() && statistics.isEmpty();
    }
}
