package io.crvs.locations;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.CrvsJar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code crvs locations import} as an operator runs it: the real jar in a child process, against the data folder
 * and database of a running server that started without sample data ({@code CRVS_SAMPLE_DATA=none}). What the
 * command stores is checked over the server's FHIR API; refused imports must store nothing at all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class LocationImportContract extends AppContract {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String LOCATIONS_HEADER = "admin2Name_en,admin2Name_alias,admin2Pcode,admin1Name_en,"
            + "admin1Name_alias,admin1Pcode,admin0Name_en,admin0Name_alias,admin0Pcode";
    private static final String PLACES_HEADER = "id,name,partOf,locationType";
    private final List<Path> folders = new ArrayList<>();

    @Override
    protected Map<String, String> environment() {
        return Map.of("CRVS_SAMPLE_DATA", "none");
    }

    @AfterAll
    void deleteFolders() {
        folders.forEach(AppContract::deleteTree);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private CrvsJar.Run importing(Path dir) {
        return CrvsJar.run(List.of("locations", "import", "--dir", dir.toString(), "--data", app.dataDir().toString()),
                app.environment());
    }

    /** A folder holding the given files (name → content). */
    private Path folder(Map<String, String> files) {
        try {
            var dir = Files.createTempDirectory("crvs-country-");
            folders.add(dir);
            for (var file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path farajaland() {
        try {
            var dir = Files.createTempDirectory("crvs-farajaland-");
            folders.add(dir);
            for (var file : List.of("locations.csv", "statistics.csv", "crvs-facilities.csv", "health-facilities.csv")) {
                try (InputStream in = getClass().getResourceAsStream("/farajaland/" + file)) {
                    Files.copy(in, dir.resolve(file));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Bundle search(String query) {
        var response = http().get("/location" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return (Bundle) FHIR.newJsonParser().parseResource(response.body());
    }

    private int total(String query) {
        return search(query).getTotal();
    }

    private JsonNode read(String id) {
        var response = http().get("/location/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String statisticsHeader(int... years) {
        var header = new StringBuilder("adminPcode,name");
        for (var year : years) {
            header.append(",male_population_").append(year).append(",female_population_").append(year)
                    .append(",population_").append(year).append(",crude_birth_rate_").append(year);
        }
        return header.toString();
    }

    /** The error line of a refused import: its code, and the problem reported at {@code at}. */
    private static JsonNode refused(CrvsJar.Run run, String code) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).as(run.toString()).isBlank();
        assertThat(run.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        var error = run.error();
        assertThat(error.get("error").asText()).as(run.toString()).isEqualTo(code);
        return error;
    }

    private static Optional<String> problemAt(JsonNode error, String at) {
        for (var problem : error.path("errors")) {
            if (problem.get("at").asText().equals(at)) {
                return Optional.of(problem.get("message").asText());
            }
        }
        return Optional.empty();
    }

    private static List<String> problemsAt(JsonNode error, String at) {
        var found = new ArrayList<String>();
        error.path("errors").forEach(p -> {
            if (p.get("at").asText().equals(at)) {
                found.add(p.get("message").asText());
            }
        });
        return found;
    }

    /** A small country: one province, two districts, their statistics, an office and two facilities. */
    private record Country(String province, String north, String south, String office, String clinic,
            String hospital, Map<String, String> files) {
    }

    private static Country country() {
        var province = unique("P");
        var north = unique("N");
        var south = unique("S");
        var office = unique("O");
        var clinic = unique("C");
        var hospital = unique("H");
        var files = Map.of(
                "locations.csv", lines(LOCATIONS_HEADER,
                        "North,Kaskazini," + north + ",Upland,Upland," + province + ",Testland,Testland,TST",
                        "South,South," + south + ",Upland,Upland," + province + ",Testland,Testland,TST"),
                "statistics.csv", lines(statisticsHeader(2022, 2023),
                        province + ",Upland,100,110,210,12,120,130,250,12.5",
                        north + ",North,50,55,105,11,60,65,125,11.5",
                        south + ",South,50,55,105,13,60,65,125,13.5"),
                "crvs-facilities.csv", lines(PLACES_HEADER, office + ",North Office,Location/" + north + ",CRVS_OFFICE"),
                "health-facilities.csv", lines(PLACES_HEADER,
                        clinic + ",North Clinic,Location/" + north + ",HEALTH_FACILITY",
                        hospital + ",South Hospital,Location/" + south + ",HEALTH_FACILITY"));
        return new Country(province, north, south, office, clinic, hospital, files);
    }

    // ---- tests -----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void importWhenFarajalandFilesIntoEmptyDatabaseThenAllLoadedAndSecondImportReportsDuplicates() {
        assertThat(total("")).as("the server started without sample data").isZero();
        var dir = farajaland();
        var run = importing(dir);
        assertThat(run.exit()).as(run.toString()).isZero();
        var summary = run.json();
        assertThat(summary.get("imported").asInt()).isEqualTo(337);
        assertThat(summary.get("by_type").toString())
                .isEqualTo("{\"ADMIN_STRUCTURE\":20,\"CRVS_OFFICE\":17,\"HEALTH_FACILITY\":300}");
        assertThat(summary.get("by_jurisdiction").toString()).isEqualTo("{\"STATE\":4,\"DISTRICT\":16}");
        assertThat(summary.get("statistics_years").asInt()).isEqualTo(20 * 17);
        assertThat(summary.get("files").toString()).isEqualTo("[\"locations.csv\",\"statistics.csv\","
                + "\"crvs-facilities.csv\",\"health-facilities.csv\"]");

        assertThat(total("?identifier=STATE")).isEqualTo(4);
        assertThat(total("?identifier=DISTRICT")).isEqualTo(16);
        assertThat(total("?type=CRVS_OFFICE")).isEqualTo(17);
        assertThat(total("?type=HEALTH_FACILITY")).isEqualTo(300);
        var hq = read("2OKicPQMNI");
        assertThat(hq.get("partOf").get("reference").asText()).isEqualTo("Location/BxrIbNW7f3K");
        assertThat(read("oEBf29y8JP8").get("extension")).hasSize(4);
        var audit = app.app().audit().list(Optional.empty(), Optional.of("locations.imported"), Optional.empty(), 5);
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.actorType()).isEqualTo("cli"));

        var again = refused(importing(dir), "location_exists");
        assertThat(problemsAt(again, "locations.csv line 2")).containsExactlyInAnyOrder(
                "statisticalID AWn3s2RqgAN already exists", "statisticalID oEBf29y8JP8 already exists");
        assertThat(problemAt(again, "crvs-facilities.csv line 2")).hasValue("statisticalID 2OKicPQMNI already exists");
        assertThat(problemAt(again, "health-facilities.csv line 301")).isPresent();
        assertThat(again.get("errors")).hasSize(337);
        assertThat(total("")).isEqualTo(337);
    }

    @Test
    void importWhenSmallCountryThenLoadedWithStatisticsAndLaterFilesMayReferToStoredAreas() {
        var country = country();
        var run = importing(folder(country.files()));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().get("by_type").toString())
                .isEqualTo("{\"ADMIN_STRUCTURE\":3,\"CRVS_OFFICE\":1,\"HEALTH_FACILITY\":2}");
        assertThat(run.json().get("statistics_years").asInt()).isEqualTo(6);
        var north = read(country.north());
        assertThat(north.get("name").asText()).isEqualTo("North");
        assertThat(north.get("alias").toString()).isEqualTo("[\"Kaskazini\"]");
        assertThat(north.get("partOf").get("reference").asText()).isEqualTo("Location/" + country.province());
        assertThat(read(country.province()).get("partOf").get("reference").asText()).isEqualTo("Location/0");
        assertThat(north.get("extension").toString()).contains("[{\\\"2022\\\":11},{\\\"2023\\\":11.5}]");
        assertThat(read(country.clinic()).get("partOf").get("reference").asText())
                .isEqualTo("Location/" + country.north());

        // A later import may bring only facilities for stored districts, or only new statistics.
        var extra = unique("C");
        var facilities = importing(folder(Map.of("health-facilities.csv",
                lines(PLACES_HEADER, extra + ",Extra Clinic,Location/" + country.south() + ",HEALTH_FACILITY"))));
        assertThat(facilities.exit()).as(facilities.toString()).isZero();
        assertThat(facilities.json().get("imported").asInt()).isEqualTo(1);
        assertThat(read(extra).get("partOf").get("reference").asText()).isEqualTo("Location/" + country.south());
        var statistics = importing(folder(Map.of("statistics.csv", lines(statisticsHeader(2023, 2024),
                country.south() + ",South,70,75,145,14,80,85,165,15"))));
        assertThat(statistics.exit()).as(statistics.toString()).isZero();
        assertThat(statistics.json().get("imported").asInt()).isZero();
        assertThat(statistics.json().get("statistics_years").asInt()).isEqualTo(2);
        var south = read(country.south());
        assertThat(south.get("extension").toString())
                .contains("[{\\\"2022\\\":105},{\\\"2023\\\":145},{\\\"2024\\\":165}]");
    }

    @Test
    void importWhenFacilityHasUnknownParentThenRefusedWithFileAndLineAndNothingStored() {
        var country = country();
        var files = new java.util.HashMap<>(country.files());
        files.put("health-facilities.csv", lines(PLACES_HEADER,
                country.clinic() + ",North Clinic,Location/" + country.north() + ",HEALTH_FACILITY",
                country.hospital() + ",Lost Hospital,Location/NOPE" + country.south() + ",HEALTH_FACILITY"));
        var before = total("");
        var error = refused(importing(folder(files)), "invalid_locations");
        assertThat(problemAt(error, "health-facilities.csv line 3")).hasValue("partOf Location/NOPE" + country.south()
                + " is not a known location");
        assertThat(error.get("message").asText()).contains("health-facilities.csv line 3");
        assertThat(error.get("errors")).hasSize(1);
        assertThat(total("")).isEqualTo(before);
        assertThat(http().get("/location/" + country.province()).status()).isEqualTo(404);
        assertThat(http().get("/location/" + country.clinic()).status()).isEqualTo(404);
    }

    @Test
    void importWhenStatisticIsNotANumberThenRefusedWithFileAndLineAndNothingStored() {
        var country = country();
        var files = new java.util.HashMap<>(country.files());
        files.put("statistics.csv", lines(statisticsHeader(2022),
                country.province() + ",Upland,100,110,210,12",
                country.north() + ",North,lots,55,105,11",
                country.south() + ",South,50,55,105.5,-1"));
        var before = total("");
        var error = refused(importing(folder(files)), "invalid_locations");
        assertThat(problemAt(error, "statistics.csv line 3")).hasValue("male_population_2022 is not a number: 'lots'");
        assertThat(error.get("errors").toString()).contains("statistics.csv line 4")
                .contains("population_2022 is not a whole number").contains("crude_birth_rate_2022 is out of range");
        assertThat(total("")).isEqualTo(before);
        assertThat(http().get("/location/" + country.north()).status()).isEqualTo(404);
    }

    @Test
    void importWhenIdAppearsTwiceThenRefusedNamingBothLinesAndNothingStored() {
        var country = country();
        var files = new java.util.HashMap<>(country.files());
        files.put("health-facilities.csv", lines(PLACES_HEADER,
                country.clinic() + ",North Clinic,Location/" + country.north() + ",HEALTH_FACILITY",
                country.clinic() + ",Same Id Clinic,Location/" + country.south() + ",HEALTH_FACILITY"));
        var before = total("");
        var error = refused(importing(folder(files)), "invalid_locations");
        assertThat(problemAt(error, "health-facilities.csv line 3")).hasValue("statisticalID " + country.clinic()
                + " is also used by health-facilities.csv line 2");
        assertThat(total("")).isEqualTo(before);
        assertThat(http().get("/location/" + country.province()).status()).isEqualTo(404);
    }

    @Test
    void importWhenManyProblemsInSeveralFilesThenEveryOneListed() {
        var country = country();
        var files = new java.util.HashMap<>(country.files());
        files.put("locations.csv", lines(LOCATIONS_HEADER,
                "North,North," + country.north() + ",Upland,Upland," + country.province() + ",Testland,Testland,TST",
                "South,South," + country.north() + ",Upland,Upland," + country.province() + ",Testland,Testland,TST",
                ",," + country.south() + ",Upland,Upland," + country.province() + ",Testland,Testland,TST"));
        files.put("crvs-facilities.csv", lines(PLACES_HEADER,
                country.office() + ",North Office," + country.north() + ",CRVS_OFFICE",
                unique("O") + ",Clinic In Wrong File,Location/" + country.north() + ",HEALTH_FACILITY",
                "bad id!,Office,Location/" + country.north() + ",CRVS_OFFICE"));
        files.put("statistics.csv", lines("adminPcode,name,male_population_2022", country.north() + ",North,1"));
        var error = refused(importing(folder(files)), "invalid_locations");
        assertThat(problemAt(error, "locations.csv line 3")).hasValueSatisfying(m -> assertThat(m)
                .contains("admin2Pcode " + country.north()).contains("is named North on locations.csv line 2"));
        assertThat(problemAt(error, "locations.csv line 4")).hasValue("admin2Name_en is empty");
        assertThat(problemAt(error, "crvs-facilities.csv line 2")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("partOf must be Location/"));
        assertThat(problemAt(error, "crvs-facilities.csv line 3")).hasValue("locationType is 'HEALTH_FACILITY', but"
                + " every row of crvs-facilities.csv must be CRVS_OFFICE");
        assertThat(problemAt(error, "crvs-facilities.csv line 4")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("id 'bad id!' is not a valid id"));
        assertThat(problemAt(error, "statistics.csv line 1")).hasValue("column female_population_2022 is missing");
        assertThat(http().get("/location/" + country.province()).status()).isEqualTo(404);
    }

    @Test
    void importWhenFilesMalformedOrMissingThenExit1WithJsonError() {
        var missingColumn = refused(importing(folder(Map.of("crvs-facilities.csv", lines("id,name,locationType",
                "X1,Office,CRVS_OFFICE")))), "invalid_locations");
        assertThat(problemAt(missingColumn, "crvs-facilities.csv line 1")).hasValue("missing column partOf");
        var shortRow = refused(importing(folder(Map.of("health-facilities.csv", lines(PLACES_HEADER,
                "X1,Clinic,Location/X")))), "invalid_locations");
        assertThat(problemAt(shortRow, "health-facilities.csv line 2")).hasValue("3 cells, the header has 4");
        var nothing = refused(importing(folder(Map.of("readme.txt", "hello"))), "invalid_locations");
        assertThat(nothing.get("message").asText()).contains("holds none of");
        var noFolder = refused(importing(Path.of("/nonexistent/" + UUID.randomUUID())), "invalid_locations");
        assertThat(noFolder.get("message").asText()).contains("is not a folder");
        var noDir = CrvsJar.run(List.of("locations", "import", "--data", app.dataDir().toString()), app.environment());
        assertThat(noDir.exit()).isNotZero();
        assertThat(noDir.stderr()).contains("--dir");
    }

    @Test
    void helpWhenAskedThenLocationsImportIsListed() {
        var help = CrvsJar.run(List.of("locations", "--help"), Map.of());
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.stdout()).contains("import");
        var importHelp = CrvsJar.run(List.of("locations", "import", "--help"), Map.of());
        assertThat(importHelp.exit()).as(importHelp.toString()).isZero();
        assertThat(importHelp.stdout().replace("\n", "")).contains("--dir").contains("locations.csv")
                .contains("health-facilities.csv");
    }
}
