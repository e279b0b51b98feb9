package io.crvs.locations;

import io.crvs.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/** Locations that already exist (same statistical id or id): OpenCRVS's 409 {@code statisticalID … already exists}. */
public final class LocationConflictException extends ProblemException {
    public LocationConflictException(List<FieldError> errors) {
        super(409, "location_exists", InvalidLocationsException.describe(errors), Map.of(), errors);
    }
}
