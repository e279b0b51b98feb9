package io.crvs.locations.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.locations.InvalidLocationsException;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.Location;
import io.crvs.locations.LocationConflictException;
import io.crvs.locations.LocationType;
import io.crvs.locations.NewLocation;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LocationPlannerTest {
    private static final Location CENTRAL = new Location("central-id", "AWn3s2RqgAN", "Central", Optional.empty(),
            LocationType.ADMIN_STRUCTURE, Optional.of(JurisdictionType.STATE), Optional.empty(), Location.ACTIVE);
    private static final Location IBOMBO = new Location("oEBf29y8JP8", "oEBf29y8JP8", "Ibombo", Optional.empty(),
            LocationType.ADMIN_STRUCTURE, Optional.of(JurisdictionType.DISTRICT), Optional.of("central-id"),
            Location.ACTIVE);
    private static final Location OFFICE = new Location("JWMRGwDBXK", "JWMRGwDBXK", "Ibombo District Office",
            Optional.empty(), LocationType.CRVS_OFFICE, Optional.empty(), Optional.of("oEBf29y8JP8"), Location.ACTIVE);

    /** Stored locations, looked up as the database would. */
    private static final LocationPlanner.Stored STORED = new LocationPlanner.Stored() {
        private final Map<String, Location> byId = Map.of(CENTRAL.id(), CENTRAL, IBOMBO.id(), IBOMBO, OFFICE.id(), OFFICE);

        @Override
        public Optional<Location> byId(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Location> byStatisticalId(String statisticalId) {
            return byId.values().stream().filter(l -> l.statisticalId().equals(statisticalId)).findFirst();
        }
    };

    private static Supplier<String> ids() {
        var next = new AtomicInteger();
        return () -> "new-" + next.incrementAndGet();
    }

    private static NewLocation item(String source, String statisticalId, LocationType type, String partOf) {
        return new NewLocation(source, Optional.empty(), statisticalId, statisticalId + " name", Optional.empty(), type,
                Optional.empty(), partOf, List.of());
    }

    private static NewLocation area(String source, String statisticalId, String partOf) {
        return item(source, statisticalId, LocationType.ADMIN_STRUCTURE, partOf);
    }

    private static List<String> problems(LocationPlanner.Plan plan) {
        var all = new ArrayList<String>();
        plan.invalid().forEach(e -> all.add(e.field() + ": " + e.message()));
        plan.conflicts().forEach(e -> all.add(e.field() + ": " + e.message()));
        return all;
    }

    @Test
    void planWhenChildrenComeBeforeParentsThenParentsInsertedFirstWithDerivedLevels() {
        var plan = LocationPlanner.plan(List.of(
                item("[0]", "F1", LocationType.HEALTH_FACILITY, "W1"),
                area("[1]", "W1", "D1"),
                area("[2]", "D1", "P1"),
                area("[3]", "P1", Location.ROOT)), STORED, ids());
        assertThat(plan.isValid()).as(problems(plan).toString()).isTrue();
        var planned = plan.orThrow();
        assertThat(planned).extracting(p -> p.location().statisticalId()).containsExactly("P1", "D1", "W1", "F1");
        var byCode = planned.stream().collect(java.util.stream.Collectors.toMap(p -> p.location().statisticalId(),
                LocationPlanner.Planned::location));
        assertThat(byCode.get("P1").partOf()).isEmpty();
        assertThat(byCode.get("P1").jurisdictionType()).hasValue(JurisdictionType.STATE);
        assertThat(byCode.get("D1").partOf()).hasValue(byCode.get("P1").id());
        assertThat(byCode.get("D1").jurisdictionType()).hasValue(JurisdictionType.DISTRICT);
        assertThat(byCode.get("W1").jurisdictionType()).hasValue(JurisdictionType.LOCATION_LEVEL_3);
        assertThat(byCode.get("F1").partOf()).hasValue(byCode.get("W1").id());
        assertThat(byCode.get("F1").jurisdictionType()).isEmpty();
        assertThat(planned).allMatch(p -> p.location().id().startsWith("new-") && p.location().isActive());
    }

    @Test
    void planWhenParentStoredThenFoundByIdOrStatisticalId() {
        var planned = LocationPlanner.plan(List.of(
                item("[0]", "O1", LocationType.CRVS_OFFICE, "oEBf29y8JP8"),
                area("[1]", "D2", "AWn3s2RqgAN")), STORED, ids()).orThrow();
        assertThat(planned).extracting(p -> p.location().partOf().orElseThrow())
                .containsExactly("central-id", "oEBf29y8JP8");
        assertThat(planned.getFirst().location().jurisdictionType()).hasValue(JurisdictionType.DISTRICT);
    }

    @Test
    void planWhenGivenIdsThenKept() {
        var withId = new NewLocation("locations.csv line 2", Optional.of("P9"), "P9", "P9", Optional.empty(),
                LocationType.ADMIN_STRUCTURE, Optional.of(JurisdictionType.STATE), Location.ROOT, List.of());
        assertThat(LocationPlanner.plan(List.of(withId), STORED, ids()).orThrow().getFirst().location().id())
                .isEqualTo("P9");
    }

    @Test
    void planWhenStatisticalIdStoredThenConflictNot400() {
        var plan = LocationPlanner.plan(List.of(item("(body)", "JWMRGwDBXK", LocationType.HEALTH_FACILITY,
                "oEBf29y8JP8")), STORED, ids());
        assertThat(plan.invalid()).isEmpty();
        assertThat(plan.conflicts()).containsExactly(new FieldError("(body)", "statisticalID JWMRGwDBXK already exists"));
        assertThatThrownBy(plan::orThrow).isInstanceOf(LocationConflictException.class);
    }

    @Test
    void planWhenAreaNamesItselfByAStoredStatisticalIdThenOnlyTheConflict() {
        var plan = LocationPlanner.plan(List.of(area("(body)", "oEBf29y8JP8", "oEBf29y8JP8")), STORED, ids());
        assertThat(problems(plan)).containsExactly("(body): statisticalID oEBf29y8JP8 already exists");
    }

    @Test
    void planWhenParentsWrongThenEveryProblemReported() {
        var plan = LocationPlanner.plan(List.of(
                item("[0]", "O1", LocationType.CRVS_OFFICE, Location.ROOT),
                item("[1]", "F1", LocationType.HEALTH_FACILITY, "JWMRGwDBXK"),
                area("[2]", "A1", "JWMRGwDBXK"),
                item("[3]", "F2", LocationType.HEALTH_FACILITY, "NOPE"),
                area("[4]", "A2", "A2"),
                area("[5]", "C1", "C2"),
                area("[6]", "C2", "C1"),
                area("[7]", "O1", Location.ROOT),
                area("[8]", "0", Location.ROOT)), STORED, ids());
        assertThat(problems(plan)).containsExactlyInAnyOrder(
                "[0]: a CRVS_OFFICE must be part of an administrative area, not of Location/0",
                "[1]: a HEALTH_FACILITY must be part of an administrative area, not of another office or facility",
                "[2]: an administrative area must be part of another area or of Location/0, not of an office or facility",
                "[3]: partOf Location/NOPE is not a known location",
                "[4]: partOf Location/A2 is the location itself",
                "[5]: partOf Location/C2 makes the locations part of each other",
                "[7]: statisticalID O1 is also used by [0]",
                "[8]: 0 is reserved: Location/0 stands for the country");
        assertThatThrownBy(plan::orThrow).isInstanceOf(InvalidLocationsException.class)
                .hasMessageContaining("(and 7 more)");
    }

    @Test
    void planWhenJurisdictionDoesNotFitOrTooDeepThenInvalid() {
        var state = new NewLocation("[0]", Optional.empty(), "X1", "X1", Optional.empty(), LocationType.ADMIN_STRUCTURE,
                Optional.of(JurisdictionType.STATE), "oEBf29y8JP8", List.of());
        var chain = new ArrayList<NewLocation>(List.of(state));
        var parent = "oEBf29y8JP8";
        for (int level = 3; level <= 6; level++) {
            chain.add(area("[" + level + "]", "L" + level, parent));
            parent = "L" + level;
        }
        assertThat(problems(LocationPlanner.plan(chain, STORED, ids()))).containsExactlyInAnyOrder(
                "[0]: jurisdictionType STATE does not fit: an area at this depth (part of DISTRICT oEBf29y8JP8) is a"
                        + " LOCATION_LEVEL_3",
                "[6]: administrative areas go at most 5 levels deep");
    }

    @Test
    void planWhenStatisticsOnAnOfficeOrAYearTwiceThenInvalid() {
        var year = new YearStatistics(2020, 1, 1, 2, 10);
        var office = new NewLocation("[0]", Optional.empty(), "O5", "O5", Optional.empty(), LocationType.CRVS_OFFICE,
                Optional.empty(), "oEBf29y8JP8", List.of(year));
        var twice = new NewLocation("[1]", Optional.empty(), "A5", "A5", Optional.empty(), LocationType.ADMIN_STRUCTURE,
                Optional.empty(), Location.ROOT, List.of(year, year));
        assertThat(problems(LocationPlanner.plan(List.of(office, twice), STORED, ids()))).containsExactlyInAnyOrder(
                "[0]: statistics are only kept for administrative areas",
                "[1]: statistics for 2020 are given twice");
    }
}
