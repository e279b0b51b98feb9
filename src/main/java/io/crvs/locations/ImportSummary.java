package io.crvs.locations;

import java.util.List;
import java.util.Map;

/**
 * What an import of a country's CSV files stored.
 *
 * @param byType new locations per type
 * @param byJurisdiction new administrative areas per level
 * @param statisticsYears area-years of statistics written (new areas and updates of stored ones)
 * @param files the files that were read
 */
public record ImportSummary(int total, Map<LocationType, Integer> byType,
        Map<JurisdictionType, Integer> byJurisdiction, int statisticsYears, List<String> files) {

    public ImportSummary {
        byType = Map.copyOf(byType);
        byJurisdiction = Map.copyOf(byJurisdiction);
        files = List.copyOf(files);
    }
}
