package io.crvs.locations;

import io.crvs.platform.problem.NotFoundException;

/** No location has this id. */
public final class LocationNotFoundException extends NotFoundException {
    public LocationNotFoundException(String id) {
        super("location_not_found", "No location with id " + id);
    }
}
