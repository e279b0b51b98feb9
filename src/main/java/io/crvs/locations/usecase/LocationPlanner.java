package io.crvs.locations.usecase;

import io.crvs.locations.InvalidLocationsException;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationConflictException;
import io.crvs.locations.LocationType;
import io.crvs.locations.NewLocation;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Decides how a batch of new locations fits the stored tree, without touching the database: unique statistical
 * ids, known parents (stored, or in the same batch by statistical id, as OpenCRVS's batch upload allows), the
 * right kind of parent for each type, jurisdiction levels that match the depth, and an order in which parents
 * come first. Reports every problem at once.
 */
public final class LocationPlanner {
    private static final int NOT_AN_AREA = -2;
    private static final int UNKNOWN = -1;

    /** What the planner may ask about stored locations: only the batch's statistical ids, ids and parent references. */
    public interface Stored {
        Optional<Location> byId(String id);

        Optional<Location> byStatisticalId(String statisticalId);
    }

    /** A location ready to insert, with its statistics and where it came from. */
    public record Planned(Location location, List<YearStatistics> statistics, String source) {
    }

    /** The outcome: the locations in insertion order, or the problems that stop the whole batch. */
    public record Plan(List<Planned> locations, List<FieldError> invalid, List<FieldError> conflicts) {
        public boolean isValid() {
            return invalid.isEmpty() && conflicts.isEmpty();
        }

        /** The locations, or the exception for the problems: 400 if anything is invalid, else 409. */
        public List<Planned> orThrow() {
            if (!invalid.isEmpty()) {
                var all = new ArrayList<>(invalid);
                all.addAll(conflicts);
                throw new InvalidLocationsException(all);
            }
            if (!conflicts.isEmpty()) {
                throw new LocationConflictException(conflicts);
            }
            return locations;
        }
    }

    private sealed interface Parent {
    }

    private record Root() implements Parent {
    }

    private record InBatch(int index) implements Parent {
    }

    private record StoredParent(Location location) implements Parent {
    }

    private final List<NewLocation> items;
    private final Stored stored;
    private final List<FieldError> invalid = new ArrayList<>();
    private final List<FieldError> conflicts = new ArrayList<>();
    private final Map<String, Integer> byStatisticalId = new HashMap<>();
    private final Map<String, Integer> byGivenId = new HashMap<>();
    private final Parent[] parents;
    private final int[] levels;
    private final byte[] state;

    private LocationPlanner(List<NewLocation> items, Stored stored) {
        this.items = items;
        this.stored = stored;
        this.parents = new Parent[items.size()];
        this.levels = new int[items.size()];
        this.state = new byte[items.size()];
    }

    public static Plan plan(List<NewLocation> items, Stored stored, Supplier<String> newIds) {
        return new LocationPlanner(List.copyOf(items), stored).run(newIds);
    }

    private Plan run(Supplier<String> newIds) {
        for (int i = 0; i < items.size(); i++) {
            checkIdentity(i);
        }
        for (int i = 0; i < items.size(); i++) {
            parents[i] = resolveParent(i);
            checkStatistics(i);
        }
        for (int i = 0; i < items.size(); i++) {
            level(i);
        }
        if (!invalid.isEmpty() || !conflicts.isEmpty()) {
            return new Plan(List.of(), List.copyOf(invalid), List.copyOf(conflicts));
        }
        var ids = items.stream().map(item -> item.id().orElseGet(newIds)).toList();
        // Parents first: areas by depth, then offices and facilities (whose parents are areas), each in input order.
        var order = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparingInt(i -> levels[i] > 0 ? levels[i] : JurisdictionType.DEEPEST + 1))
                .toList();
        var planned = order.stream().map(i -> new Planned(location(i, ids), items.get(i).statistics(),
                items.get(i).source())).toList();
        return new Plan(planned, List.of(), List.of());
    }

    private void checkIdentity(int i) {
        var item = items.get(i);
        var statisticalId = item.statisticalId();
        if (Location.ROOT.equals(statisticalId) || item.id().filter(Location.ROOT::equals).isPresent()) {
            invalid.add(new FieldError(item.source(), "0 is reserved: Location/0 stands for the country"));
            return;
        }
        var first = byStatisticalId.putIfAbsent(statisticalId, i);
        if (first != null) {
            invalid.add(new FieldError(item.source(), "statisticalID " + statisticalId + " is also used by "
                    + items.get(first).source()));
            return;
        }
        if (stored.byStatisticalId(statisticalId).isPresent() || stored.byId(statisticalId).isPresent()) {
            conflicts.add(new FieldError(item.source(), "statisticalID " + statisticalId + " already exists"));
        }
        item.id().filter(id -> !id.equals(statisticalId)).ifPresent(id -> {
            var other = byGivenId.putIfAbsent(id, i);
            if (other != null) {
                invalid.add(new FieldError(item.source(), "id " + id + " is also used by " + items.get(other).source()));
            } else if (stored.byId(id).isPresent() || stored.byStatisticalId(id).isPresent()) {
                conflicts.add(new FieldError(item.source(), "id " + id + " already exists"));
            }
        });
    }

    private Parent resolveParent(int i) {
        var item = items.get(i);
        var ref = item.partOf();
        if (Location.ROOT.equals(ref)) {
            return new Root();
        }
        var inBatch = Optional.ofNullable(byStatisticalId.get(ref)).or(() -> Optional.ofNullable(byGivenId.get(ref)));
        if (inBatch.isPresent() && inBatch.get() != i) {
            return new InBatch(inBatch.get());
        }
        var parent = stored.byId(ref).or(() -> stored.byStatisticalId(ref));
        if (parent.isEmpty() && inBatch.isPresent()) {
            invalid.add(new FieldError(item.source(), "partOf Location/" + ref + " is the location itself"));
            return null;
        }
        if (parent.isEmpty()) {
            invalid.add(new FieldError(item.source(), "partOf Location/" + ref + " is not a known location"));
            return null;
        }
        return new StoredParent(parent.get());
    }

    private void checkStatistics(int i) {
        var item = items.get(i);
        if (item.statistics().isEmpty()) {
            return;
        }
        if (item.type() != LocationType.ADMIN_STRUCTURE) {
            invalid.add(new FieldError(item.source(), "statistics are only kept for administrative areas"));
            return;
        }
        var years = new HashSet<Integer>();
        item.statistics().stream().filter(s -> !years.add(s.year())).findFirst().ifPresent(s ->
                invalid.add(new FieldError(item.source(), "statistics for " + s.year() + " are given twice")));
    }

    /** The area level of item {@code i} (1 = province), {@link #NOT_AN_AREA}, or {@link #UNKNOWN} after an error. */
    private int level(int i) {
        if (state[i] == 2) {
            return levels[i];
        }
        var item = items.get(i);
        if (state[i] == 1) {
            invalid.add(new FieldError(item.source(), "partOf Location/" + item.partOf()
                    + " makes the locations part of each other"));
            levels[i] = UNKNOWN;
            return UNKNOWN;
        }
        state[i] = 1;
        levels[i] = parents[i] == null ? UNKNOWN : check(i, item, parentLevel(parents[i]));
        state[i] = 2;
        return levels[i];
    }

    private int parentLevel(Parent parent) {
        return switch (parent) {
            case Root root -> 0;
            case StoredParent(var location) -> location.jurisdictionType().map(JurisdictionType::level)
                    .orElse(NOT_AN_AREA);
            case InBatch(var index) -> items.get(index).type() == LocationType.ADMIN_STRUCTURE ? level(index)
                    : NOT_AN_AREA;
        };
    }

    private int check(int i, NewLocation item, int parentLevel) {
        if (parentLevel == UNKNOWN) {
            return UNKNOWN;
        }
        if (item.type() != LocationType.ADMIN_STRUCTURE) {
            item.jurisdictionType().ifPresent(j -> invalid.add(new FieldError(item.source(),
                    "jurisdictionType is only for administrative areas")));
            if (parentLevel <= 0) {
                invalid.add(new FieldError(item.source(), "a " + item.type() + " must be part of an administrative"
                        + " area, not of " + (parentLevel == 0 ? "Location/0" : "another office or facility")));
            }
            return NOT_AN_AREA;
        }
        if (parentLevel == NOT_AN_AREA) {
            invalid.add(new FieldError(item.source(), "an administrative area must be part of another area or of"
                    + " Location/0, not of an office or facility"));
            return UNKNOWN;
        }
        var level = parentLevel + 1;
        var expected = JurisdictionType.forLevel(level);
        if (expected.isEmpty()) {
            invalid.add(new FieldError(item.source(), "administrative areas go at most " + JurisdictionType.DEEPEST
                    + " levels deep"));
            return UNKNOWN;
        }
        item.jurisdictionType().filter(j -> j != expected.get()).ifPresent(j -> invalid.add(new FieldError(
                item.source(), "jurisdictionType " + j + " does not fit: an area at this depth (" + describe(parents[i])
                        + ") is a " + expected.get())));
        return level;
    }

    private String describe(Parent parent) {
        return switch (parent) {
            case Root root -> "part of Location/0";
            case StoredParent(var location) -> "part of " + location.jurisdictionType().map(Enum::name).orElse("")
                    + " " + location.id();
            case InBatch(var index) -> "part of " + items.get(index).statisticalId();
        };
    }

    private Location location(int i, List<String> ids) {
        var item = items.get(i);
        var parentId = switch (parents[i]) {
            case Root root -> Optional.<String>empty();
            case StoredParent(var location) -> Optional.of(location.id());
            case InBatch(var index) -> Optional.of(ids.get(index));
        };
        var jurisdiction = levels[i] > 0 ? JurisdictionType.forLevel(levels[i]) : Optional.<JurisdictionType>empty();
        return new Location(ids.get(i), item.statisticalId(), item.name(), item.alias(), item.type(), jurisdiction,
                parentId, Location.ACTIVE);
    }
}
