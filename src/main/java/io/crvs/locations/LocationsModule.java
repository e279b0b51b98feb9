package io.crvs.locations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.locations.seed.LocationSeeder;
import io.crvs.locations.store.LocationStore;
import io.crvs.platform.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locations: the administrative structure, civil registration offices and health facilities. Loads the
 * Farajaland sample country into an empty database when asked to (the embedded default).
 */
public final class LocationsModule implements Locations {
    private final Database database;
    private final LocationStore store = new LocationStore();
    private final LocationSeeder seeder;
    private final Clock clock;

    public LocationsModule(Database database, Clock clock, ObjectMapper json) {
        this.database = database;
        this.clock = clock;
        this.seeder = new LocationSeeder(store, json);
    }

    /** Loads Farajaland if there are no locations yet; returns how many were added. */
    public int seedFarajalandIfEmpty() {
        return database.inTransaction(handle ->
                store.count(handle) > 0 ? 0 : seeder.loadFarajaland(handle, clock.instant()));
    }

    @Override
    public Optional<Location> find(String id) {
        return database.withHandle(handle -> store.find(handle, id));
    }

    @Override
    public List<Location> offices() {
        return database.withHandle(handle -> store.byType(handle, LocationType.CRVS_OFFICE));
    }

    @Override
    public List<Location> lineage(String id) {
        return database.withHandle(handle -> {
            var result = new ArrayList<Location>();
            var current = store.find(handle, id);
            while (current.isPresent() && result.size() < 16) {
                result.add(current.get());
                current = current.get().partOf().flatMap(parent -> store.find(handle, parent));
            }
            return result;
        });
    }
}
