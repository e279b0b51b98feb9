package io.crvs.locations.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.platform.csv.CsvRows;
import io.crvs.locations.Location;
import io.crvs.locations.LocationType;
import io.crvs.locations.store.LocationStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Loads a country's locations from its CSV files (the formats of {@code farajaland/}): provinces and districts
 * from the admin structure, their statistics, offices and health facilities. Runs inside the caller's
 * transaction, so a bad row leaves nothing half-imported.
 */
public final class LocationSeeder {
    private final LocationStore store;
    private final ObjectMapper json;

    public LocationSeeder(LocationStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Loads the Farajaland sample country shipped in the jar. */
    public int loadFarajaland(Handle handle, Instant now) {
        return load(handle, now, CsvRows.classpath("/farajaland/locations.csv"),
                CsvRows.classpath("/farajaland/statistics.csv"), CsvRows.classpath("/farajaland/crvs-facilities.csv"),
                CsvRows.classpath("/farajaland/health-facilities.csv"));
    }

    public int load(Handle handle, Instant now, List<CsvRows.Row> adminStructure, List<CsvRows.Row> statistics,
            List<CsvRows.Row> offices, List<CsvRows.Row> facilities) {
        var statsByArea = statistics(statistics);
        var provinces = new LinkedHashMap<String, Location>();
        int count = 0;
        for (var row : adminStructure) {
            var provinceId = row.get("admin1Pcode");
            if (!provinces.containsKey(provinceId)) {
                var province = new Location(provinceId, row.get("admin1Name_en"), alias(row, "admin1Name_alias"),
                        LocationType.ADMIN_STRUCTURE, Optional.of("STATE"), Optional.empty(), "active");
                provinces.put(provinceId, province);
                store.insert(handle, province, statsByArea.get(provinceId), now);
                count++;
            }
            var districtId = row.get("admin2Pcode");
            store.insert(handle, new Location(districtId, row.get("admin2Name_en"), alias(row, "admin2Name_alias"),
                    LocationType.ADMIN_STRUCTURE, Optional.of("DISTRICT"), Optional.of(provinceId), "active"),
                    statsByArea.get(districtId), now);
            count++;
        }
        for (var row : offices) {
            store.insert(handle, place(row, LocationType.CRVS_OFFICE), null, now);
            count++;
        }
        for (var row : facilities) {
            store.insert(handle, place(row, LocationType.HEALTH_FACILITY), null, now);
            count++;
        }
        return count;
    }

    private static Location place(CsvRows.Row row, LocationType type) {
        var declared = row.get("locationType");
        if (!declared.equals(type.name())) {
            throw new IllegalArgumentException("line " + row.line() + ": locationType " + declared + ", expected " + type);
        }
        var partOf = row.get("partOf");
        if (!partOf.startsWith("Location/")) {
            throw new IllegalArgumentException("line " + row.line() + ": partOf must be Location/<id>, was " + partOf);
        }
        return new Location(row.get("id"), row.get("name"), Optional.empty(), type, Optional.empty(),
                Optional.of(partOf.substring("Location/".length())), "active");
    }

    private static Optional<String> alias(CsvRows.Row row, String column) {
        return Optional.ofNullable(row.cells().get(column)).filter(s -> !s.isBlank());
    }

    /** Per area: year → {male_population, female_population, population, crude_birth_rate}, as JSON text. */
    private Map<String, String> statistics(List<CsvRows.Row> rows) {
        var result = new LinkedHashMap<String, String>();
        for (var row : rows) {
            var years = new TreeMap<String, Map<String, Double>>();
            row.cells().forEach((column, value) -> {
                int underscore = column.lastIndexOf('_');
                if (underscore > 0 && column.substring(underscore + 1).matches("\\d{4}")) {
                    var year = column.substring(underscore + 1);
                    var measure = column.substring(0, underscore);
                    try {
                        years.computeIfAbsent(year, y -> new LinkedHashMap<>()).put(measure, Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + row.line() + ": " + column + " is not a number");
                    }
                }
            });
            try {
                result.put(row.get("adminPcode"), json.writeValueAsString(years));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }
}
