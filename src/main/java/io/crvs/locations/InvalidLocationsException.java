package io.crvs.locations;

import io.crvs.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * Locations that cannot be created or imported: every problem found, each named by where it came from (an array
 * index or a CSV file and line). Nothing was stored.
 */
public final class InvalidLocationsException extends ProblemException {
    public InvalidLocationsException(List<FieldError> errors) {
        super(400, "invalid_locations", describe(errors), Map.of(), errors);
    }

    static String describe(List<FieldError> errors) {
        var first = errors.getFirst();
        var text = first.field() + ": " + first.message();
        return errors.size() == 1 ? text : text + " (and " + (errors.size() - 1) + " more)";
    }
}
