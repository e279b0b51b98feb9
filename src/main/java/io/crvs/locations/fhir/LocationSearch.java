package io.crvs.locations.fhir;

import io.crvs.locations.JurisdictionType;
import io.crvs.locations.LocationQuery;
import io.crvs.locations.LocationType;
import io.crvs.platform.problem.ProblemException.FieldError;
import io.crvs.platform.problem.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query string of {@code GET /location}, checked and turned into a {@link LocationQuery}; also the links
 * (self, next, previous) of the result pages. OpenCRVS forwards the query to its FHIR store after a Joi check
 * (interop §8.1); the same parameters mean the same here, with bare {@code GET /location} and {@code partOf}
 * allowed, and any other parameter refused with 400.
 */
final class LocationSearch {
    /** Page size without {@code _count}. */
    static final int DEFAULT_COUNT = 100;
    /** The largest page, also what {@code _count=0} ("all", as OpenCRVS's store reads it) returns at a time. */
    static final int MAX_COUNT = 5000;
    private static final int MAX_OFFSET = 10_000_000;
    private static final List<String> FILTERS = List.of("type", "identifier", "name", "status", "partOf");
    private static final List<String> PAGING = List.of("_count", "_offset", "_getpagesoffset");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern REFERENCE = Pattern.compile("(?:Location/)?([A-Za-z0-9_.-]{1,64})");

    /** A checked query, the page size it asked for, and the filters to repeat in links. */
    record Parsed(LocationQuery query, Map<String, String> filters, Optional<String> countParameter) {
        int pageSize() {
            return query.count();
        }
    }

    private LocationSearch() {
    }

    static Parsed parse(Map<String, List<String>> parameters) {
        var errors = new ArrayList<FieldError>();
        var values = new LinkedHashMap<String, String>();
        parameters.forEach((name, given) -> {
            if (!FILTERS.contains(name) && !PAGING.contains(name)) {
                errors.add(new FieldError(clip(name), "is not a supported parameter (supported: "
                        + String.join(", ", FILTERS) + ", _count, _offset)"));
            } else if (given.isEmpty()) {
                errors.add(new FieldError(name, "has a value that is not valid percent-encoding"));
            } else if (given.size() != 1) {
                errors.add(new FieldError(name, "must be given once"));
            } else if (given.getFirst().isEmpty()) {
                errors.add(new FieldError(name, "must not be empty"));
            } else {
                values.put(name, given.getFirst());
            }
        });
        var types = EnumSet.allOf(LocationType.class);
        Optional.ofNullable(values.get("type")).ifPresent(v -> types.retainAll(types(v, errors)));
        var identifier = Optional.ofNullable(values.get("identifier")).map(v -> identifier(v, errors));
        identifier.ifPresent(id -> types.retainAll(id.types()));
        var name = Optional.ofNullable(values.get("name")).filter(v -> check("name", v,
                v.length() <= 200 && v.chars().noneMatch(Character::isISOControl), "must be at most 200 characters"
                        + " without control characters", errors));
        var status = Optional.ofNullable(values.get("status")).filter(v -> check("status", v,
                v.equals("active") || v.equals("inactive"), "must be active or inactive", errors));
        var partOf = Optional.ofNullable(values.get("partOf")).flatMap(v -> {
            var matcher = REFERENCE.matcher(v);
            return check("partOf", v, matcher.matches(), "must be Location/<id> or <id> (Location/0 for the"
                    + " top-level areas)", errors) ? Optional.of(matcher.group(1)) : Optional.empty();
        });
        var count = Optional.ofNullable(values.get("_count")).map(v -> number("_count", v, Integer.MAX_VALUE, errors));
        if (values.containsKey("_offset") && values.containsKey("_getpagesoffset")) {
            errors.add(new FieldError("_getpagesoffset", "is another name for _offset; give one of them"));
        }
        var offset = Optional.ofNullable(values.getOrDefault("_offset", values.get("_getpagesoffset")))
                .map(v -> number(values.containsKey("_offset") ? "_offset" : "_getpagesoffset", v, MAX_OFFSET, errors))
                .orElse(0);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // FHIR lets a server return fewer than _count; 0 means "everything" to OpenCRVS's store, so it gets the cap.
        int pageSize = count.map(c -> c == 0 || c > MAX_COUNT ? MAX_COUNT : c).orElse(DEFAULT_COUNT);
        var filters = new LinkedHashMap<String, String>();
        FILTERS.stream().filter(values::containsKey).forEach(f -> filters.put(f, values.get(f)));
        var query = new LocationQuery(types.size() == LocationType.values().length ? Set.of() : types,
                identifier.flatMap(IdentifierMatch::statisticalId), identifier.flatMap(IdentifierMatch::jurisdiction),
                name, status, partOf, types.isEmpty() || identifier.map(IdentifierMatch::none).orElse(false), offset,
                pageSize);
        return new Parsed(query, filters, count.map(c -> c > MAX_COUNT ? MAX_COUNT : c).map(String::valueOf));
    }

    private record IdentifierMatch(Set<LocationType> types, Optional<String> statisticalId,
            Optional<JurisdictionType> jurisdiction, boolean none) {
        static IdentifierMatch nothing() {
            return new IdentifierMatch(Set.of(), Optional.empty(), Optional.empty(), true);
        }
    }

    private static Set<LocationType> types(String value, List<FieldError> errors) {
        var types = EnumSet.noneOf(LocationType.class);
        for (var code : value.split(",", -1)) {
            var type = LocationType.parse(code);
            if (type.isEmpty()) {
                errors.add(new FieldError("type", "must be ADMIN_STRUCTURE, CRVS_OFFICE or HEALTH_FACILITY"
                        + " (several separated by commas), was " + clip(value)));
                return EnumSet.allOf(LocationType.class);
            }
            types.add(type.get());
        }
        return types;
    }

    /**
     * A token search on OpenCRVS's identifiers ({@code [system|]value}): {@code ADMIN_STRUCTURE_<code>},
     * {@code CRVS_OFFICE_<id>}, {@code HEALTH_FACILITY_<id>}, or a jurisdiction type such as {@code DISTRICT}.
     * A well-formed value that is none of these simply matches nothing.
     */
    private static IdentifierMatch identifier(String raw, List<FieldError> errors) {
        var bar = raw.indexOf('|');
        var system = bar < 0 ? Optional.<String>empty() : Optional.of(raw.substring(0, bar)).filter(s -> !s.isEmpty());
        var value = bar < 0 ? raw : raw.substring(bar + 1);
        if (!IDENTIFIER.matcher(value).matches() || system.filter(s -> s.length() > 200).isPresent()) {
            errors.add(new FieldError("identifier", "must be [system|]value, the value made of letters, digits,"
                    + " '_', '-' and '.' (e.g. CRVS_OFFICE_JWMRGwDBXK), was " + clip(raw)));
            return IdentifierMatch.nothing();
        }
        for (var type : LocationType.values()) {
            var prefix = type.name() + "_";
            if (value.startsWith(prefix) && value.length() > prefix.length()) {
                var expected = type == LocationType.ADMIN_STRUCTURE ? LocationResources.STATISTICAL_CODE
                        : LocationResources.INTERNAL_ID;
                return system.isPresent() && !system.get().equals(expected) ? IdentifierMatch.nothing()
                        : new IdentifierMatch(Set.of(type), Optional.of(value.substring(prefix.length())),
                                Optional.empty(), false);
            }
        }
        var jurisdiction = Arrays.stream(JurisdictionType.values()).filter(j -> j.name().equals(value)).findFirst();
        if (jurisdiction.isPresent() && system.filter(s -> !s.equals(LocationResources.JURISDICTION_TYPE)).isEmpty()) {
            return new IdentifierMatch(Set.of(LocationType.ADMIN_STRUCTURE), Optional.empty(), jurisdiction, false);
        }
        return IdentifierMatch.nothing();
    }

    private static int number(String name, String value, int max, List<FieldError> errors) {
        if (!value.matches("\\d{1,10}") || Long.parseLong(value) > max) {
            errors.add(new FieldError(name, "must be a whole number from 0" + (max < Integer.MAX_VALUE ? " to " + max
                    : "") + ", was " + clip(value)));
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static boolean check(String name, String value, boolean ok, String message, List<FieldError> errors) {
        if (!ok) {
            errors.add(new FieldError(name, message + ", was " + clip(value)));
        }
        return ok;
    }

    /** {@code /location?…} for this search at {@code offset}. */
    static String link(String origin, Parsed parsed, Optional<Integer> offset, boolean forceCount) {
        var parameters = new LinkedHashMap<>(parsed.filters());
        parsed.countParameter().or(() -> forceCount ? Optional.of(String.valueOf(parsed.pageSize())) : Optional.empty())
                .ifPresent(c -> parameters.put("_count", c));
        offset.ifPresent(o -> parameters.put("_offset", String.valueOf(o)));
        var query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return origin + "/location" + (query.isEmpty() ? "" : "?" + query);
    }

    /** A parameter name or value echoed in an error, cut short and without control characters. */
    private static String clip(String text) {
        var printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
