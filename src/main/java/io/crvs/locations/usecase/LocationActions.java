package io.crvs.locations.usecase;

import io.crvs.locations.ImportSummary;
import io.crvs.locations.InvalidLocationsException;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationChange;
import io.crvs.locations.LocationConflictException;
import io.crvs.locations.LocationDetails;
import io.crvs.locations.LocationNotFoundException;
import io.crvs.locations.LocationType;
import io.crvs.locations.NewLocation;
import io.crvs.locations.seed.CountryData;
import io.crvs.locations.store.LocationStore;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEvent;
import io.crvs.platform.audit.AuditLog;
import io.crvs.platform.db.Database;
import io.crvs.platform.problem.ProblemException.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Changes to locations, each in one transaction with its audit entry: creating (one or a batch, all or nothing),
 * updating, and importing a country's CSV files. Thread-safe.
 */
public final class LocationActions {
    private final Database database;
    private final LocationStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable changed;

    /** {@code changed} runs after every committed change (to drop cached lookups). */
    public LocationActions(Database database, LocationStore store, AuditLog audit, Clock clock, Runnable changed) {
        this.database = database;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    /** Creates every location of the batch or none; returns them in the order given. */
    public List<LocationDetails> create(List<NewLocation> batch, Actor actor) {
        return uniquely(() -> database.inTransaction(handle -> {
            handle.afterCommit(changed);
            var planned = LocationPlanner.plan(batch, stored(handle, batch), () -> UUID.randomUUID().toString()).orThrow();
            insert(handle, planned);
            for (var each : planned) {
                var location = each.location();
                audit.append(handle, AuditEvent.success("location.created", actor, "location", location.id())
                        .withDetails(Map.of("statisticalID", location.statisticalId(), "type", location.type().name())));
            }
            var created = new LinkedHashMap<String, LocationDetails>();
            planned.forEach(p -> created.put(p.source(), store.details(handle, p.location().id()).orElseThrow()));
            return batch.stream().map(item -> created.get(item.source())).toList();
        }));
    }

    public LocationDetails update(String id, LocationChange change, Actor actor) {
        return database.inTransaction(handle -> {
            handle.afterCommit(changed);
            var current = store.lock(handle, id).orElseThrow(() -> new LocationNotFoundException(id));
            if (change.statistics().isPresent() && !current.isAdminArea()) {
                throw new InvalidLocationsException(List.of(new FieldError("statistics",
                        "statistics are only kept for administrative areas; " + id + " is a " + current.type())));
            }
            var updated = new Location(current.id(), current.statisticalId(), change.name().orElse(current.name()),
                    change.alias().or(current::alias), current.type(), current.jurisdictionType(), current.partOf(),
                    change.status().orElse(current.status()));
            store.update(handle, updated, clock.instant());
            change.statistics().ifPresent(year -> store.putStatistics(handle, id, List.of(year)));
            var details = new LinkedHashMap<String, Object>();
            change.name().ifPresent(n -> details.put("name", n));
            change.status().ifPresent(s -> details.put("status", s));
            change.alias().ifPresent(a -> details.put("alias", a));
            change.statistics().ifPresent(s -> details.put("statistics_year", s.year()));
            audit.append(handle, AuditEvent.success("location.updated", actor, "location", id).withDetails(details));
            return store.details(handle, id).orElseThrow();
        });
    }

    /** Loads a country's locations and statistics in one transaction; nothing is stored if anything is wrong. */
    public ImportSummary importCountry(CountryData data, Actor actor) {
        return uniquely(() -> database.inTransaction(handle -> {
            handle.afterCommit(changed);
            var plan = LocationPlanner.plan(data.locations(), stored(handle, data.locations()), () -> UUID.randomUUID().toString());
            var invalid = new ArrayList<>(data.errors());
            invalid.addAll(plan.invalid());
            var updates = new ArrayList<Map.Entry<Location, CountryData.StatisticsUpdate>>();
            for (var update : data.statisticsUpdates()) {
                var area = store.find(handle, update.area()).or(() -> store.findByStatisticalId(handle, update.area()));
                if (area.isEmpty() || !area.get().isAdminArea()) {
                    invalid.add(new FieldError(update.source(), "adminPcode " + update.area()
                            + " is not an administrative area in " + CountryData.ADMIN_STRUCTURE + " or the database"));
                } else {
                    updates.add(Map.entry(area.get(), update));
                }
            }
            if (!invalid.isEmpty() || !plan.conflicts().isEmpty()) {
                new LocationPlanner.Plan(List.of(), invalid, plan.conflicts()).orThrow();
            }
            if (plan.locations().isEmpty() && updates.isEmpty()) {
                throw new InvalidLocationsException(List.of(new FieldError("(files)", "there is nothing to import")));
            }
            insert(handle, plan.locations());
            int years = plan.locations().stream().mapToInt(p -> p.statistics().size()).sum();
            for (var update : updates) {
                store.putStatistics(handle, update.getKey().id(), update.getValue().years());
                years += update.getValue().years().size();
            }
            var summary = summary(plan.locations(), years, data.files());
            audit.append(handle, AuditEvent.success("locations.imported", actor, "locations", null)
                    .withDetails(Map.of("total", summary.total(), "by_type", summary.byType(),
                            "statistics_years", years, "files", data.files())));
            return summary;
        }));
    }

    private void insert(Handle handle, List<LocationPlanner.Planned> planned) {
        var now = clock.instant();
        for (var each : planned) {
            store.insert(handle, each.location(), now);
            store.putStatistics(handle, each.location().id(), each.statistics());
        }
    }

    private static ImportSummary summary(List<LocationPlanner.Planned> planned, int years, List<String> files) {
        var byType = new EnumMap<LocationType, Integer>(LocationType.class);
        var byJurisdiction = new EnumMap<JurisdictionType, Integer>(JurisdictionType.class);
        for (var each : planned) {
            byType.merge(each.location().type(), 1, Integer::sum);
            each.location().jurisdictionType().ifPresent(j -> byJurisdiction.merge(j, 1, Integer::sum));
        }
        return new ImportSummary(planned.size(), byType, byJurisdiction, years, files);
    }

    /**
     * The stored locations the planner may ask about for {@code batch} (by each statistical id, given id and
     * parent reference), read up front in a few queries rather than several per location.
     */
    private LocationPlanner.Stored stored(Handle handle, List<NewLocation> batch) {
        var refs = new HashSet<String>();
        for (var item : batch) {
            refs.add(item.statisticalId());
            refs.add(item.partOf());
            item.id().ifPresent(refs::add);
        }
        var byId = new HashMap<String, Location>();
        var byStatisticalId = new HashMap<String, Location>();
        for (var location : store.findByIdOrStatisticalId(handle, refs)) {
            byId.put(location.id(), location);
            byStatisticalId.put(location.statisticalId(), location);
        }
        return new LocationPlanner.Stored() {
            @Override
            public Optional<Location> byId(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public Optional<Location> byStatisticalId(String statisticalId) {
                return Optional.ofNullable(byStatisticalId.get(statisticalId));
            }
        };
    }

    /** A concurrent request that took the same statistical id first still ends in 409, not in a database error. */
    private static <T> T uniquely(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
                throw new LocationConflictException(List.of(new FieldError("statisticalID",
                        "a location with this statistical id was created at the same time")));
            }
            throw e;
        }
    }
}
