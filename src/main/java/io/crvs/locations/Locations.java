package io.crvs.locations;

import java.util.List;
import java.util.Optional;

/** Reading locations; what other modules need (offices for users, facilities and districts for records). */
public interface Locations {
    Optional<Location> find(String id);

    List<Location> offices();

    /** The location and its ancestors, nearest first. */
    List<Location> lineage(String id);

    /** The location with its statistics and time of last change. */
    Optional<LocationDetails> details(String id);

    LocationPage search(LocationQuery query);
}
