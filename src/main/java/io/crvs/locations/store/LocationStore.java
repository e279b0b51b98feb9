package io.crvs.locations.store;

import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationDetails;
import io.crvs.locations.LocationPage;
import io.crvs.locations.LocationQuery;
import io.crvs.locations.LocationType;
import io.crvs.locations.YearStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for {@code locations} and {@code location_statistics}. Stateless; every method runs on the caller's handle. */
public final class LocationStore {
    private static final int CHUNK = 1000;
    private static final String COLUMNS = "id, statistical_id, name, alias, type, jurisdiction_type, part_of, status";
    private static final String INSERT = """
            INSERT INTO locations (id, statistical_id, name, alias, type, jurisdiction_type, part_of, status,
                created_at, updated_at)
            VALUES (:id, :statisticalId, :name, :alias, :type, :jurisdictionType, :partOf, :status, :now, :now)""";
    private static final String INSERT_STATISTICS = """
            INSERT INTO location_statistics (location_id, reference_year, male_population, female_population, population,
                crude_birth_rate)
            VALUES (:id, :year, :male, :female, :population, :crudeBirthRate)""";

    public void insert(Handle handle, Location location, Instant now) {
        handle.createUpdate(INSERT).bind("id", location.id()).bind("statisticalId", location.statisticalId())
                .bind("name", location.name()).bind("alias", location.alias().orElse(null))
                .bind("type", location.type().name())
                .bind("jurisdictionType", location.jurisdictionType().map(Enum::name).orElse(null))
                .bind("partOf", location.partOf().orElse(null)).bind("status", location.status())
                .bind("now", timestamp(now)).execute();
    }

    /** Writes the years given, replacing figures already stored for those years. */
    public void putStatistics(Handle handle, String id, Collection<YearStatistics> years) {
        if (years.isEmpty()) {
            return;
        }
        var delete = handle.prepareBatch(
                "DELETE FROM location_statistics WHERE location_id = :id AND reference_year = :year");
        years.forEach(y -> delete.bind("id", id).bind("year", y.year()).add());
        delete.execute();
        var insert = handle.prepareBatch(INSERT_STATISTICS);
        years.forEach(y -> insert.bind("id", id).bind("year", y.year()).bind("male", y.malePopulation())
                .bind("female", y.femalePopulation()).bind("population", y.population())
                .bind("crudeBirthRate", y.crudeBirthRate()).add());
        insert.execute();
    }

    /** Name, alias and status as in {@code location}; the rest of a location never changes. */
    public void update(Handle handle, Location location, Instant now) {
        handle.createUpdate("""
                UPDATE locations SET name = :name, alias = :alias, status = :status, updated_at = :now
                WHERE id = :id""")
                .bind("id", location.id()).bind("name", location.name()).bind("alias", location.alias().orElse(null))
                .bind("status", location.status()).bind("now", timestamp(now)).execute();
    }

    public Optional<Location> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> location(rs)).findFirst();
    }

    /** For update: the row is locked until the transaction ends, so concurrent changes apply one after the other. */
    public Optional<Location> lock(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> location(rs)).findFirst();
    }

    /** The stored locations whose id or statistical id is one of {@code refs}, read in chunks of 1000. */
    public List<Location> findByIdOrStatisticalId(Handle handle, Collection<String> refs) {
        var distinct = List.copyOf(new LinkedHashSet<>(refs));
        var found = new ArrayList<Location>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            found.addAll(handle.createQuery("SELECT " + COLUMNS
                            + " FROM locations WHERE id IN (<refs>) OR statistical_id IN (<refs>)")
                    .bindList("refs", distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
                    .map((rs, ctx) -> location(rs)).list());
        }
        return found;
    }

    public Optional<Location> findByStatisticalId(Handle handle, String statisticalId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE statistical_id = :statisticalId")
                .bind("statisticalId", statisticalId).map((rs, ctx) -> location(rs)).findFirst();
    }

    public List<Location> byType(Handle handle, LocationType type) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE type = :type ORDER BY name, id")
                .bind("type", type.name()).map((rs, ctx) -> location(rs)).list();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM locations").mapTo(Integer.class).one();
    }

    /** How many of {@code ids} are stored. */
    public int countIds(Handle handle, Collection<String> ids) {
        return ids.isEmpty() ? 0 : handle.createQuery("SELECT COUNT(*) FROM locations WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).mapTo(Integer.class).one();
    }

    public Optional<LocationDetails> details(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + ", updated_at FROM locations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new LocationDetails(location(rs), List.of(), updatedAt(rs))).findFirst()
                .map(found -> withStatistics(handle, List.of(found)).getFirst());
    }

    public LocationPage search(Handle handle, LocationQuery query) {
        if (query.matchesNothing()) {
            return new LocationPage(List.of(), 0);
        }
        var where = where(query);
        var total = bind(handle.createQuery("SELECT COUNT(*) FROM locations" + where), query)
                .mapTo(Integer.class).one();
        if (total <= query.offset() || query.count() == 0) {
            return new LocationPage(List.of(), total);
        }
        var found = bind(handle.createQuery("SELECT " + COLUMNS + ", updated_at FROM locations" + where
                + " ORDER BY name, id LIMIT :limit OFFSET :offset"), query)
                .bind("limit", query.count()).bind("offset", query.offset())
                .map((rs, ctx) -> new LocationDetails(location(rs), List.of(), updatedAt(rs))).list();
        return new LocationPage(withStatistics(handle, found), total);
    }

    private static String where(LocationQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (!query.types().isEmpty()) {
            where.append(" AND type IN (<types>)");
        }
        query.statisticalId().ifPresent(s -> where.append(" AND statistical_id = :statisticalId"));
        query.jurisdictionType().ifPresent(j -> where.append(" AND jurisdiction_type = :jurisdictionType"));
        // FHIR's name search matches the start of the name or of an alias, ignoring case. '!' escapes the LIKE
        // wildcards (a backslash would be taken by Jdbi's statement parser).
        query.namePrefix().ifPresent(n -> where.append(
                " AND (LOWER(name) LIKE :namePattern ESCAPE '!' OR LOWER(alias) LIKE :namePattern ESCAPE '!')"));
        query.status().ifPresent(s -> where.append(" AND status = :status"));
        query.partOf().ifPresent(p -> where.append(Location.ROOT.equals(p) ? " AND part_of IS NULL"
                : " AND part_of = :partOf"));
        return where.toString();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, LocationQuery query) {
        if (!query.types().isEmpty()) {
            statement.bindList("types", query.types().stream().map(Enum::name).sorted().toList());
        }
        query.statisticalId().ifPresent(s -> statement.bind("statisticalId", s));
        query.jurisdictionType().ifPresent(j -> statement.bind("jurisdictionType", j.name()));
        query.namePrefix().ifPresent(n -> statement.bind("namePattern", likePrefix(n)));
        query.status().ifPresent(s -> statement.bind("status", s));
        query.partOf().filter(p -> !Location.ROOT.equals(p)).ifPresent(p -> statement.bind("partOf", p));
        return statement;
    }

    private static String likePrefix(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The same locations with their statistics, read in one query for all the administrative areas among them. */
    private List<LocationDetails> withStatistics(Handle handle, List<LocationDetails> found) {
        var areaIds = found.stream().map(LocationDetails::location).filter(Location::isAdminArea)
                .map(Location::id).toList();
        if (areaIds.isEmpty()) {
            return found;
        }
        var byArea = new HashMap<String, List<YearStatistics>>();
        handle.createQuery("""
                SELECT location_id, reference_year, male_population, female_population, population, crude_birth_rate
                FROM location_statistics WHERE location_id IN (<ids>) ORDER BY location_id, reference_year""")
                .bindList("ids", areaIds)
                .map((rs, ctx) -> Map.entry(rs.getString("location_id"),
                        new YearStatistics(rs.getInt("reference_year"), rs.getLong("male_population"),
                                rs.getLong("female_population"), rs.getLong("population"),
                                rs.getDouble("crude_birth_rate"))))
                .forEach(e -> byArea.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found.stream().map(d -> new LocationDetails(d.location(),
                byArea.getOrDefault(d.location().id(), List.of()), d.lastUpdated())).toList();
    }

    private static Location location(ResultSet rs) throws SQLException {
        return new Location(rs.getString("id"), rs.getString("statistical_id"), rs.getString("name"),
                Optional.ofNullable(rs.getString("alias")), LocationType.valueOf(rs.getString("type")),
                Optional.ofNullable(rs.getString("jurisdiction_type")).map(JurisdictionType::valueOf),
                Optional.ofNullable(rs.getString("part_of")), rs.getString("status"));
    }

    private static Instant updatedAt(ResultSet rs) throws SQLException {
        return rs.getObject("updated_at", OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
