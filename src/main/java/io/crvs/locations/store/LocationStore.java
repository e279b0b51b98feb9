package io.crvs.locations.store;

import io.crvs.locations.Location;
import io.crvs.locations.LocationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code locations}. Stateless. */
public final class LocationStore {
    private static final String COLUMNS = "id, name, alias, type, jurisdiction_type, part_of, status";

    public void insert(Handle handle, Location location, String statisticsJson, Instant now) {
        handle.createUpdate("""
                INSERT INTO locations (id, name, alias, type, jurisdiction_type, part_of, status, statistics,
                    created_at, updated_at)
                VALUES (:id, :name, :alias, :type, :jurisdictionType, :partOf, :status, :statistics, :now, :now)""")
                .bind("id", location.id()).bind("name", location.name()).bind("alias", location.alias().orElse(null))
                .bind("type", location.type().name()).bind("jurisdictionType", location.jurisdictionType().orElse(null))
                .bind("partOf", location.partOf().orElse(null)).bind("status", location.status())
                .bind("statistics", statisticsJson).bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
    }

    public Optional<Location> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> location(rs)).findFirst();
    }

    public List<Location> byType(Handle handle, LocationType type) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM locations WHERE type = :type ORDER BY name, id")
                .bind("type", type.name()).map((rs, ctx) -> location(rs)).list();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM locations").mapTo(Integer.class).one();
    }

    private static Location location(ResultSet rs) throws SQLException {
        return new Location(rs.getString("id"), rs.getString("name"), Optional.ofNullable(rs.getString("alias")),
                LocationType.valueOf(rs.getString("type")), Optional.ofNullable(rs.getString("jurisdiction_type")),
                Optional.ofNullable(rs.getString("part_of")), rs.getString("status"));
    }
}
