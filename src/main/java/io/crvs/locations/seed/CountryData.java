package io.crvs.locations.seed;

import io.crvs.locations.NewLocation;
import io.crvs.locations.YearStatistics;
import io.crvs.platform.problem.ProblemException.FieldError;
import java.util.List;

/**
 * A country's CSV files read and checked row by row: the locations they define, statistics for areas that are
 * already stored, and every row-level problem found (each named by file and line).
 */
public record CountryData(List<NewLocation> locations, List<StatisticsUpdate> statisticsUpdates,
        List<FieldError> errors, List<String> files) {

    public static final String ADMIN_STRUCTURE = "locations.csv";
    public static final String STATISTICS = "statistics.csv";
    public static final String OFFICES = "crvs-facilities.csv";
    public static final String FACILITIES = "health-facilities.csv";
    public static final List<String> FILES = List.of(ADMIN_STRUCTURE, STATISTICS, OFFICES, FACILITIES);

    public CountryData {
        locations = List.copyOf(locations);
        statisticsUpdates = List.copyOf(statisticsUpdates);
        errors = List.copyOf(errors);
        files = List.copyOf(files);
    }

    /** Statistics for an area the files do not define: {@code area} is its id or statistical id. */
    public record StatisticsUpdate(String source, String area, List<YearStatistics> years) {
        public StatisticsUpdate {
            years = List.copyOf(years);
        }
    }
}
