package io.crvs.locations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crvs.auth.TokenVerifier;
import io.crvs.locations.fhir.LocationEndpoint;
import io.crvs.locations.seed.CountryData;
import io.crvs.locations.seed.LocationSeeder;
import io.crvs.locations.store.LocationStore;
import io.crvs.locations.usecase.LocationActions;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.csv.CsvRows;
import io.crvs.platform.db.Database;
import io.crvs.platform.fhir.Fhir;
import io.crvs.platform.http.Endpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Locations: the administrative structure, civil registration offices and health facilities; the FHIR Location
 * API over them; and the import of a country's CSV files. Loads the Farajaland sample country into an empty
 * database when asked to (the embedded default).
 */
public final class LocationsModule implements Locations {
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int CACHE_LIMIT = 20_000;
    private final Database database;
    private final LocationStore store = new LocationStore();
    private final LocationSeeder seeder = new LocationSeeder();
    private final LocationActions actions;
    private final List<Endpoint> endpoints;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public LocationsModule(Database database, AuditLog audit, Fhir fhir, TokenVerifier verifier, Clock clock,
            ObjectMapper json) {
        this.database = database;
        this.actions = new LocationActions(database, store, audit, clock, cache::clear);
        this.endpoints = List.of(new LocationEndpoint(this, actions, verifier, fhir, json, clock));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Loads Farajaland if there are no locations yet; returns how many were added. */
    public int seedFarajalandIfEmpty() {
        if (database.withHandle(store::count) > 0) {
            return 0;
        }
        return actions.importCountry(seeder.farajaland(), Actor.system("sample-data")).total();
    }

    /**
     * Whether the sample country's offices are all stored, so its sample users can be given their offices. A
     * database that holds another country's locations answers false.
     */
    public boolean holdsSampleCountry() {
        var offices = CsvRows.classpath("/farajaland/" + CountryData.OFFICES).stream().map(r -> r.get("id")).toList();
        return database.withHandle(handle -> store.countIds(handle, offices)) == offices.size();
    }

    /**
     * Imports the CSV files in {@code dir} (any of locations.csv, statistics.csv, crvs-facilities.csv,
     * health-facilities.csv) in one transaction: all of it, or nothing and an exception listing every problem.
     */
    public ImportSummary importCountry(Path dir, Actor actor) {
        return actions.importCountry(seeder.read(dir), actor);
    }

    /**
     * Every notification looks up several locations, which change rarely: found ones are kept for a few seconds.
     * Changes made through this process clear the cache at once; another process's (an import from the command
     * line, another node) show within {@link #CACHE_NANOS}.
     */
    @Override
    public Optional<Location> find(String id) {
        long now = System.nanoTime();
        var cached = cache.get(id);
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return Optional.of(cached.location());
        }
        var found = database.withHandle(handle -> store.find(handle, id));
        if (found.isPresent()) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(id, new Cached(found.get(), now));
        }
        return found;
    }

    private record Cached(Location location, long loadedAt) {
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
            while (current.isPresent() && result.size() < JurisdictionType.DEEPEST + 2) {
                result.add(current.get());
                current = current.get().partOf().flatMap(parent -> store.find(handle, parent));
            }
            return result;
        });
    }

    @Override
    public Optional<LocationDetails> details(String id) {
        return database.withHandle(handle -> store.details(handle, id));
    }

    @Override
    public LocationPage search(LocationQuery query) {
        return database.withHandle(handle -> store.search(handle, query));
    }
}
