package io.crvs.locations.seed;

import io.crvs.locations.InvalidLocationsException;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationType;
import io.crvs.locations.NewLocation;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.csv.CsvRows;
import io.crvs.platform.problem.ProblemException.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a country's locations from its CSV files in the formats of OpenCRVS's Farajaland configuration
 * ({@code locations.csv}: one row per lowest-level area with its ancestors, Humdata style; {@code statistics.csv};
 * {@code crvs-facilities.csv}; {@code health-facilities.csv}) and checks every row on its own: required cells,
 * id syntax, numbers, the locationType of each file, and that an area repeated on several rows says the same
 * each time. What needs the database (unknown parents, existing ids) is checked when the data is stored. Every
 * problem is reported with its file and line. Stateless.
 */
public final class LocationSeeder {
    /** Ids of imported rows become FHIR resource ids, so they follow FHIR's id syntax. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    private static final Pattern STATISTIC = Pattern.compile(
            "(male_population|female_population|population|crude_birth_rate)_(\\d{4})");
    private static final List<String> MEASURES = List.of("male_population", "female_population", "population",
            "crude_birth_rate");
    private static final List<String> PLACE_COLUMNS = List.of("id", "name", "partOf", "locationType");
    private static final int MAX_NAME = 200;

    /** The Farajaland sample country shipped in the jar. */
    public CountryData farajaland() {
        var tables = new LinkedHashMap<String, CsvRows.Table>();
        CountryData.FILES.forEach(file -> tables.put(file, CsvRows.classpathTable("/farajaland/" + file)));
        return parse(tables, new ArrayList<>());
    }

    /** Reads whichever of the four files {@code dir} holds. */
    public CountryData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidLocationsException(List.of(new FieldError("--dir", dir + " is not a folder")));
        }
        var tables = new LinkedHashMap<String, CsvRows.Table>();
        var errors = new ArrayList<FieldError>();
        for (var file : CountryData.FILES) {
            var path = dir.resolve(file);
            if (!Files.exists(path)) {
                continue;
            }
            try {
                tables.put(file, CsvRows.file(path));
            } catch (CsvRows.CsvException e) {
                errors.add(error(file, e.line(), e.reason()));
                tables.put(file, new CsvRows.Table(List.of(), List.of()));
            } catch (IOException e) {
                errors.add(error(file, 0, "cannot be read: " + e.getMessage()));
                tables.put(file, new CsvRows.Table(List.of(), List.of()));
            }
        }
        if (tables.isEmpty()) {
            throw new InvalidLocationsException(List.of(new FieldError("--dir", dir + " holds none of "
                    + String.join(", ", CountryData.FILES))));
        }
        return parse(tables, errors);
    }

    private CountryData parse(Map<String, CsvRows.Table> tables, List<FieldError> errors) {
        var areas = new LinkedHashMap<String, Area>();
        var statistics = new LinkedHashMap<String, AreaStatistics>();
        Optional.ofNullable(tables.get(CountryData.ADMIN_STRUCTURE)).ifPresent(t -> areas(t, areas, errors));
        Optional.ofNullable(tables.get(CountryData.STATISTICS)).ifPresent(t -> statistics(t, statistics, errors));
        var locations = new ArrayList<NewLocation>();
        for (var area : areas.values()) {
            var years = Optional.ofNullable(statistics.remove(area.id())).map(AreaStatistics::years).orElse(List.of());
            locations.add(new NewLocation(area.source(), Optional.of(area.id()), area.id(), area.name(), area.alias(),
                    LocationType.ADMIN_STRUCTURE, JurisdictionType.forLevel(area.level()), area.parent(), years));
        }
        Optional.ofNullable(tables.get(CountryData.OFFICES))
                .ifPresent(t -> places(t, CountryData.OFFICES, LocationType.CRVS_OFFICE, locations, errors));
        Optional.ofNullable(tables.get(CountryData.FACILITIES))
                .ifPresent(t -> places(t, CountryData.FACILITIES, LocationType.HEALTH_FACILITY, locations, errors));
        var updates = statistics.entrySet().stream()
                .map(e -> new CountryData.StatisticsUpdate(e.getValue().source(), e.getKey(), e.getValue().years()))
                .toList();
        return new CountryData(locations, updates, errors, List.copyOf(tables.keySet()));
    }

    private record Area(String source, String id, String name, Optional<String> alias, int level, String parent) {
    }

    private record AreaStatistics(String source, List<YearStatistics> years) {
    }

    /** {@code admin1…} is a province (STATE), {@code admin2…} a district, and so on; {@code admin0…} (the country) is not stored. */
    private static void areas(CsvRows.Table table, Map<String, Area> areas, List<FieldError> errors) {
        var file = CountryData.ADMIN_STRUCTURE;
        int depth = 0;
        while (table.header().contains("admin" + (depth + 1) + "Pcode")) {
            depth++;
        }
        var missing = new ArrayList<String>();
        for (int level = 1; level <= Math.max(depth, 1); level++) {
            for (var column : List.of("admin" + level + "Pcode", "admin" + level + "Name_en")) {
                if (!table.header().contains(column)) {
                    missing.add(column);
                }
            }
        }
        if (table.header().contains("admin" + (depth + 2) + "Pcode")) {
            missing.add("admin" + (depth + 1) + "Pcode");
        }
        if (depth > JurisdictionType.DEEPEST) {
            errors.add(error(file, 1, "at most " + JurisdictionType.DEEPEST + " administrative levels (admin1 to admin"
                    + JurisdictionType.DEEPEST + ") are supported"));
            return;
        }
        if (!missing.isEmpty()) {
            errors.add(error(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)));
            return;
        }
        for (var row : table.rows()) {
            var parent = Location.ROOT;
            for (int level = 1; level <= depth; level++) {
                var id = id(file, row, "admin" + level + "Pcode", errors);
                var name = name(file, row, "admin" + level + "Name_en", errors);
                if (id.isEmpty() || name.isEmpty()) {
                    break;
                }
                var alias = Optional.ofNullable(row.cells().get("admin" + level + "Name_alias")).filter(a -> !a.isBlank());
                if (alias.isPresent() && alias.get().length() > MAX_NAME) {
                    errors.add(error(file, row.line(), "admin" + level + "Name_alias is longer than " + MAX_NAME));
                    break;
                }
                var area = new Area(source(file, row.line()), id.get(), name.get(), alias, level, parent);
                var known = areas.putIfAbsent(area.id(), area);
                if (known != null && !sameArea(known, area, file, row.line(), errors)) {
                    break;
                }
                parent = area.id();
            }
        }
    }

    private static boolean sameArea(Area known, Area area, String file, long line, List<FieldError> errors) {
        String problem = null;
        if (known.level() != area.level()) {
            problem = "is an admin" + known.level() + " area on " + known.source() + " but an admin" + area.level()
                    + " area here";
        } else if (!known.name().equals(area.name())) {
            problem = "is named " + known.name() + " on " + known.source() + " but " + area.name() + " here";
        } else if (!known.parent().equals(area.parent())) {
            problem = "is part of " + known.parent() + " on " + known.source() + " but of " + area.parent() + " here";
        }
        if (problem != null) {
            errors.add(error(file, line, "admin" + area.level() + "Pcode " + area.id() + " " + problem));
        }
        return problem == null;
    }

    private static void statistics(CsvRows.Table table, Map<String, AreaStatistics> result, List<FieldError> errors) {
        var file = CountryData.STATISTICS;
        var years = new TreeMap<Integer, List<String>>();
        var problems = new ArrayList<String>();
        if (!table.header().contains("adminPcode")) {
            problems.add("missing column adminPcode");
        }
        for (var column : table.header()) {
            var matcher = STATISTIC.matcher(column);
            if (matcher.matches()) {
                years.computeIfAbsent(Integer.parseInt(matcher.group(2)), y -> new ArrayList<>()).add(matcher.group(1));
            } else if (!column.equals("adminPcode") && !column.equals("name")) {
                problems.add("unknown column " + clip(column));
            }
        }
        years.forEach((year, measures) -> MEASURES.stream().filter(m -> !measures.contains(m))
                .forEach(m -> problems.add("column " + m + "_" + year + " is missing")));
        if (!problems.isEmpty()) {
            problems.forEach(p -> errors.add(error(file, 1, p)));
            return;
        }
        for (var row : table.rows()) {
            var area = id(file, row, "adminPcode", errors);
            if (area.isEmpty()) {
                continue;
            }
            var rowYears = new ArrayList<YearStatistics>();
            boolean valid = true;
            for (var year : years.keySet()) {
                var figures = year(file, row, year, errors);
                valid &= figures.isPresent();
                figures.ifPresent(rowYears::add);
            }
            var known = result.get(area.get());
            if (known != null) {
                errors.add(error(file, row.line(), "adminPcode " + area.get() + " is also on " + known.source()));
            } else if (valid) {
                result.put(area.get(), new AreaStatistics(source(file, row.line()), rowYears));
            }
        }
    }

    private static Optional<YearStatistics> year(String file, CsvRows.Row row, int year, List<FieldError> errors) {
        var male = number(file, row, "male_population_" + year, true, errors);
        var female = number(file, row, "female_population_" + year, true, errors);
        var total = number(file, row, "population_" + year, true, errors);
        var rate = number(file, row, "crude_birth_rate_" + year, false, errors);
        if (male.isEmpty() || female.isEmpty() || total.isEmpty() || rate.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new YearStatistics(year, male.get().longValueExact(), female.get().longValueExact(),
                    total.get().longValueExact(), rate.get().doubleValue()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.add(error(file, row.line(), "statistics for " + year + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(String file, CsvRows.Row row, String column, boolean whole,
            List<FieldError> errors) {
        var cell = row.cells().get(column);
        if (cell == null || cell.isEmpty()) {
            errors.add(error(file, row.line(), column + " is empty"));
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            errors.add(error(file, row.line(), column + " is not a number: " + clip(cell)));
            return Optional.empty();
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(YearStatistics.MAX_POPULATION)) > 0) {
            errors.add(error(file, row.line(), column + " is out of range: " + clip(cell)));
            return Optional.empty();
        }
        if (whole && value.stripTrailingZeros().scale() > 0) {
            errors.add(error(file, row.line(), column + " is not a whole number: " + clip(cell)));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static void places(CsvRows.Table table, String file, LocationType type, List<NewLocation> result,
            List<FieldError> errors) {
        var missing = PLACE_COLUMNS.stream().filter(c -> !table.header().contains(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(error(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)));
            return;
        }
        for (var row : table.rows()) {
            var id = id(file, row, "id", errors);
            var name = name(file, row, "name", errors);
            var partOf = row.get("partOf");
            var parent = Optional.<String>empty();
            if (partOf.isEmpty()) {
                errors.add(error(file, row.line(), "partOf is empty"));
            } else if (!partOf.startsWith("Location/") || partOf.length() == "Location/".length()) {
                errors.add(error(file, row.line(), "partOf must be Location/<id of an administrative area>, was "
                        + clip(partOf)));
            } else {
                parent = Optional.of(partOf.substring("Location/".length()));
            }
            var declared = row.get("locationType");
            boolean typeOk = declared.equals(type.name());
            if (!typeOk) {
                errors.add(error(file, row.line(), "locationType is " + (declared.isEmpty() ? "empty" : clip(declared))
                        + ", but every row of " + file + " must be " + type));
            }
            if (id.isPresent() && name.isPresent() && parent.isPresent() && typeOk) {
                result.add(new NewLocation(source(file, row.line()), id, id.get(), name.get(), Optional.empty(), type,
                        Optional.empty(), parent.get(), List.of()));
            }
        }
    }

    private static Optional<String> id(String file, CsvRows.Row row, String column, List<FieldError> errors) {
        var value = row.get(column);
        if (value.isEmpty()) {
            errors.add(error(file, row.line(), column + " is empty"));
            return Optional.empty();
        }
        if (!ID.matcher(value).matches()) {
            errors.add(error(file, row.line(), column + " " + clip(value) + " is not a valid id (letters, digits,"
                    + " '-' and '.', at most 64)"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<String> name(String file, CsvRows.Row row, String column, List<FieldError> errors) {
        var value = row.get(column);
        if (value.isEmpty()) {
            errors.add(error(file, row.line(), column + " is empty"));
            return Optional.empty();
        }
        if (value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(error(file, row.line(), column + " must be at most " + MAX_NAME + " characters without"
                    + " control characters"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String source(String file, long line) {
        return file + " line " + line;
    }

    private static FieldError error(String file, long line, String message) {
        return new FieldError(line > 0 ? source(file, line) : file, message);
    }

    /** Cell text echoed in a message, cut short so a huge cell cannot flood the output. */
    private static String clip(String text) {
        var printable = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (printable.length() > 40 ? printable.substring(0, 40) + "…" : printable) + "'";
    }
}
