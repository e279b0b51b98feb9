package io.crvs.locations.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationChange;
import io.crvs.locations.LocationType;
import io.crvs.locations.NewLocation;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON bodies of {@code POST /location} and {@code PUT /location/{id}} in OpenCRVS's input shape (not FHIR;
 * interop §8.2, §8.3), checked field by field. Every problem is reported at once, each named by its path
 * ({@code [3].statistics[0].year}). As OpenCRVS's Joi schemas do, numbers may also arrive as numeric strings.
 */
final class LocationRequests {
    /** The largest array one POST may carry; whole countries go through {@code crvs locations import}. */
    static final int MAX_BATCH = 5000;
    private static final int MAX_NAME = 200;
    private static final Pattern STATISTICAL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern PART_OF = Pattern.compile("Location/([A-Za-z0-9_.-]{1,64})");
    private static final Set<String> CREATE_FIELDS = Set.of("statisticalID", "name", "alias", "partOf", "code",
            "jurisdictionType", "statistics");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "alias", "status", "statistics");
    private static final Set<String> STATISTICS_FIELDS = Set.of("year", "male_population", "female_population",
            "population", "crude_birth_rate");

    private LocationRequests() {
    }

    /** One object, or an array of them; returns the locations with their paths as sources. */
    static List<NewLocation> creations(JsonNode body) {
        var errors = new ArrayList<FieldError>();
        var result = new ArrayList<NewLocation>();
        if (body.isObject()) {
            creation(body, "(body)", "", errors).ifPresent(result::add);
        } else if (body.isArray()) {
            if (body.isEmpty() || body.size() > MAX_BATCH) {
                throw new ValidationException("(body)", "must hold 1 to " + MAX_BATCH + " locations");
            }
            for (int i = 0; i < body.size(); i++) {
                creation(body.get(i), "[" + i + "]", "[" + i + "].", errors).ifPresent(result::add);
            }
        } else {
            throw new ValidationException("(body)", "must be a JSON object or an array of objects");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return result;
    }

    private static Optional<NewLocation> creation(JsonNode node, String source, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(source, "must be a JSON object"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownFields(node, CREATE_FIELDS, path, errors);
        var statisticalId = string(node, "statisticalID", path, true, errors).filter(v -> matches(STATISTICAL_ID, v,
                path + "statisticalID", "must be letters, digits, '_', '-' or '.', at most 64", errors));
        var name = string(node, "name", path, true, errors).map(String::strip).filter(v -> text(v, path + "name", errors));
        var alias = string(node, "alias", path, false, errors).map(String::strip).filter(v -> text(v, path + "alias", errors));
        var partOf = string(node, "partOf", path, true, errors).flatMap(v -> {
            var matcher = PART_OF.matcher(v);
            if (!matcher.matches()) {
                errors.add(new FieldError(path + "partOf", "must be Location/<id>, or Location/0 for a top-level area"));
                return Optional.empty();
            }
            return Optional.of(matcher.group(1));
        });
        var code = string(node, "code", path, true, errors).flatMap(v -> {
            var type = LocationType.parse(v);
            if (type.isEmpty()) {
                errors.add(new FieldError(path + "code", "must be ADMIN_STRUCTURE, CRVS_OFFICE or HEALTH_FACILITY"));
            }
            return type;
        });
        var jurisdiction = string(node, "jurisdictionType", path, false, errors).flatMap(v -> {
            var type = JurisdictionType.parse(v);
            if (type.isEmpty()) {
                errors.add(new FieldError(path + "jurisdictionType", "must be STATE, DISTRICT or LOCATION_LEVEL_1 to"
                        + " LOCATION_LEVEL_5"));
            }
            return type;
        });
        var statistics = new ArrayList<YearStatistics>();
        if (node.has("statistics")) {
            var array = node.get("statistics");
            if (!array.isArray()) {
                errors.add(new FieldError(path + "statistics", "must be an array"));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    statistics(array.get(i), path + "statistics[" + i + "]", errors).ifPresent(statistics::add);
                }
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewLocation(source, Optional.empty(), statisticalId.orElseThrow(), name.orElseThrow(),
                alias, code.orElseThrow(), jurisdiction, partOf.orElseThrow(), statistics));
    }

    static LocationChange change(JsonNode node) {
        if (!node.isObject()) {
            throw new ValidationException("(body)", "must be a JSON object");
        }
        var errors = new ArrayList<FieldError>();
        unknownFields(node, UPDATE_FIELDS, "", errors);
        var name = string(node, "name", "", false, errors).map(String::strip).filter(v -> text(v, "name", errors));
        var alias = string(node, "alias", "", false, errors).map(String::strip).filter(v -> text(v, "alias", errors));
        var status = string(node, "status", "", false, errors).filter(v -> {
            boolean ok = v.equals(Location.ACTIVE) || v.equals(Location.INACTIVE);
            if (!ok) {
                errors.add(new FieldError("status", "must be active or inactive"));
            }
            return ok;
        });
        var statistics = node.has("statistics") ? statistics(node.get("statistics"), "statistics", errors)
                : Optional.<YearStatistics>empty();
        var change = new LocationChange(name, alias, status, statistics);
        if (errors.isEmpty() && change.isEmpty()) {
            errors.add(new FieldError("(body)", "must change at least one of name, alias, status, statistics"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return change;
    }

    private static Optional<YearStatistics> statistics(JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object with year, male_population, female_population,"
                    + " population and crude_birth_rate"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownFields(node, STATISTICS_FIELDS, path + ".", errors);
        var year = number(node, "year", path, true, errors);
        var male = number(node, "male_population", path, true, errors);
        var female = number(node, "female_population", path, true, errors);
        var total = number(node, "population", path, true, errors);
        var rate = number(node, "crude_birth_rate", path, false, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new YearStatistics(year.orElseThrow().intValueExact(), male.orElseThrow().longValueExact(),
                    female.orElseThrow().longValueExact(), total.orElseThrow().longValueExact(),
                    rate.orElseThrow().doubleValue()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(new FieldError(path, e.getMessage() == null ? "is out of range" : e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(JsonNode node, String field, String path, boolean whole,
            List<FieldError> errors) {
        var value = node.get(field);
        var name = path + "." + field;
        if (value == null) {
            errors.add(new FieldError(name, "is required"));
            return Optional.empty();
        }
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
            number = new BigDecimal(value.asText().trim());
        }
        if (number == null) {
            errors.add(new FieldError(name, "must be a number"));
            return Optional.empty();
        }
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(YearStatistics.MAX_POPULATION)) > 0) {
            errors.add(new FieldError(name, "must be between 0 and " + YearStatistics.MAX_POPULATION));
            return Optional.empty();
        }
        if (whole && number.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(name, "must be a whole number"));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private static Optional<String> string(JsonNode node, String field, String path, boolean required,
            List<FieldError> errors) {
        var value = node.get(field);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(path + field, "is required"));
            }
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(path + field, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A name or alias (already stripped of surrounding spaces): not blank, at most 200 characters, no control characters. */
    private static boolean text(String value, String field, List<FieldError> errors) {
        var ok = !value.isEmpty() && value.length() <= MAX_NAME && value.chars().noneMatch(Character::isISOControl);
        if (!ok) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_NAME + " characters without control characters"));
        }
        return ok;
    }

    private static boolean matches(Pattern pattern, String value, String field, String message, List<FieldError> errors) {
        var ok = pattern.matcher(value).matches();
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return ok;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(path + (name.length() > 60 ? name.substring(0, 60) + "…" : name),
                        "is not a known field"));
            }
        }
    }
}
