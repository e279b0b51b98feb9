package io.crvs.app.cli;

import io.crvs.app.Application;
import io.crvs.locations.ImportSummary;
import io.crvs.locations.JurisdictionType;
import io.crvs.locations.LocationType;
import io.crvs.platform.audit.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs locations …}: a country's administrative structure, offices and facilities. */
@Command(name = "locations", mixinStandardHelpOptions = true, description = "Manage locations.",
        subcommands = {LocationsCommand.Import.class})
final class LocationsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a country's locations from CSV files in OpenCRVS's formats: locations.csv (admin "
                    + "structure), statistics.csv, crvs-facilities.csv, health-facilities.csv; any may be missing. "
                    + "Every row is checked first; on any problem nothing is stored and each problem is listed with "
                    + "its file and line. Parents may be in the files or already stored. Prints a JSON summary.")
    static final class Import implements Runnable {
        @Mixin
        DataOptions data;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder holding the CSV files.")
        Path dir;

        @Override
        public void run() {
            // A country of its own: the Farajaland sample must not be loaded into an empty database first.
            try (var app = Application.open(data.config(null).withoutSampleData(), Clock.systemUTC())) {
                System.out.println(Output.json(view(app.locations().importCountry(dir, Actor.commandLine()))));
            }
        }
    }

    static Map<String, Object> view(ImportSummary summary) {
        var byType = new LinkedHashMap<String, Integer>();
        for (var type : LocationType.values()) {
            byType.put(type.name(), summary.byType().getOrDefault(type, 0));
        }
        var byJurisdiction = new LinkedHashMap<String, Integer>();
        for (var level : JurisdictionType.values()) {
            var count = summary.byJurisdiction().get(level);
            if (count != null) {
                byJurisdiction.put(level.name(), count);
            }
        }
        var view = new LinkedHashMap<String, Object>();
        view.put("imported", summary.total());
        view.put("by_type", byType);
        view.put("by_jurisdiction", byJurisdiction);
        view.put("statistics_years", summary.statisticsYears());
        view.put("files", summary.files());
        return view;
    }
}
