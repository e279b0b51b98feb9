package io.crvs.locations;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.auth.ClientType;
import io.crvs.platform.csv.CsvRows;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The FHIR Location REST API ({@code /location}) over real HTTP on the Farajaland sample country: search with
 * every filter and paging, read, create (one or a batch, all or nothing), update, who may write, and errors as
 * OperationOutcomes. Every FHIR answer is parsed with HAPI. Tests marked {@code @Order(1)} count the pristine
 * sample country and run before any test that adds locations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class LocationApiContract extends AppContract {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String FHIR_JSON = "application/fhir+json";
    private static final String STATISTICAL_CODE = "http://opencrvs.org/specs/id/statistical-code";
    private static final String JURISDICTION_TYPE = "http://opencrvs.org/specs/id/jurisdiction-type";
    private static final String INTERNAL_ID = "http://opencrvs.org/specs/id/internal-id";
    private static final String LOCATION_TYPE = "http://opencrvs.org/specs/location-type";
    private static final String IBOMBO = "oEBf29y8JP8";
    private static final String CENTRAL = "AWn3s2RqgAN";

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String admin() {
        return Http.bearer(app.adminToken());
    }

    /** A FHIR response: right content type, and HAPI's default parser reads it. */
    private static IBaseResource parse(Response response) {
        assertThat(response.header("Content-Type").orElseThrow()).as(response.toString()).startsWith(FHIR_JSON);
        return FHIR.newJsonParser().parseResource(response.body());
    }

    private Response get(String pathAndQuery) {
        return http().get(pathAndQuery);
    }

    private Bundle search(String query) {
        var response = get("/location" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var bundle = (Bundle) parse(response);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle;
    }

    private JsonNode read(String id) {
        var response = get("/location/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(parse(response)).isInstanceOf(org.hl7.fhir.r4.model.Location.class);
        return response.json();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private static List<String> names(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> ((org.hl7.fhir.r4.model.Location) e.getResource()).getName())
                .toList();
    }

    /** An error answer: the status, an OperationOutcome HAPI reads, the stable code, and the field it names. */
    private static OperationOutcome assertOutcome(Response response, int status, String code, String expression) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        var outcome = (OperationOutcome) parse(response);
        assertThat(outcome.getIssue()).isNotEmpty();
        var issue = outcome.getIssue().stream()
                .filter(i -> expression == null || i.getExpression().stream().anyMatch(e -> e.getValue().equals(expression)))
                .findFirst();
        assertThat(issue).as("an issue about " + expression + " in " + response).isPresent();
        assertThat(issue.get().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.get().getDetails().getCodingFirstRep().getCode()).as(response.toString()).isEqualTo(code);
        if (expression != null) {
            assertThat(issue.get().getDiagnostics()).contains(expression);
        }
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
        return outcome;
    }

    private static String identifier(JsonNode resource, String system) {
        for (var identifier : resource.get("identifier")) {
            if (identifier.get("system").asText().equals(system)) {
                return identifier.get("value").asText();
            }
        }
        return null;
    }

    private static Optional<String> extension(JsonNode resource, String url) {
        for (var extension : resource.path("extension")) {
            if (extension.get("url").asText().equals(url)) {
                return Optional.of(extension.get("valueString").asText());
            }
        }
        return Optional.empty();
    }

    /** The path and query of a link, to follow it against the test server whatever origin it names. */
    private static String pathOf(String url) {
        var uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Optional<String> link(Bundle bundle, String relation) {
        return Optional.ofNullable(bundle.getLink(relation)).map(Bundle.BundleLinkComponent::getUrl);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Response post(Object body) {
        return http().postJson("/location", body, "Authorization", admin());
    }

    private Response put(String id, Object body) {
        return http().send("PUT", "/location/" + id, Http.json(body), "Content-Type", "application/json",
                "Authorization", admin());
    }

    private static Map<String, Object> area(String statisticalId, String name, String partOf) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statisticalID", statisticalId);
        body.put("name", name);
        body.put("partOf", partOf);
        body.put("code", "ADMIN_STRUCTURE");
        return body;
    }

    private static Map<String, Object> place(String statisticalId, String name, String partOf, String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statisticalID", statisticalId);
        body.put("name", name);
        body.put("partOf", partOf);
        body.put("code", code);
        return body;
    }

    private static Map<String, Object> year(int year, long male, long female, long total, double rate) {
        return Map.of("year", year, "male_population", male, "female_population", female, "population", total,
                "crude_birth_rate", rate);
    }

    /** A new province of its own, so a test can add below it without touching the sample country. */
    private String newProvince() {
        var response = post(area(unique("P"), unique("Province "), "Location/0"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private int total(String query) {
        return search(query).getTotal();
    }

    private static Set<String> csvIds(String file, String column) {
        return CsvRows.classpath("/farajaland/" + file).stream().map(r -> r.get(column)).collect(Collectors.toSet());
    }

    // ---- the sample country, before anything is added ------------------------------------------------------

    @Test
    @Order(1)
    void searchWhenFarajalandThen4Provinces16Districts17Offices300Facilities() {
        assertThat(total("?type=ADMIN_STRUCTURE&_count=0")).isEqualTo(20);
        assertThat(total("?identifier=STATE")).isEqualTo(4);
        assertThat(total("?identifier=DISTRICT")).isEqualTo(16);
        assertThat(total("?type=CRVS_OFFICE")).isEqualTo(17);
        assertThat(total("?type=HEALTH_FACILITY")).isEqualTo(300);
        assertThat(total("?type=CRVS_OFFICE,HEALTH_FACILITY")).isEqualTo(317);
        var provinces = search("?partOf=Location/0&_count=0");
        assertThat(names(provinces)).containsExactlyInAnyOrder("Central", "Chuminga", "Pualula", "Sulaka");
        assertThat(ids(search("?partOf=0")).size()).isEqualTo(4);
        var offices = search("?type=CRVS_OFFICE&_count=0");
        assertThat(new HashSet<>(ids(offices))).isEqualTo(csvIds("crvs-facilities.csv", "id"));
        assertThat(total("?status=inactive")).isZero();
        assertThat(total("?status=active")).isEqualTo(337);
    }

    @Test
    @Order(1)
    void searchWhenBareThenFirstPageOfEverythingWithTotalAndNextLink() {
        var bundle = search("");
        assertThat(bundle.getTotal()).isEqualTo(337);
        assertThat(bundle.getEntry()).hasSize(100);
        assertThat(link(bundle, "self").orElseThrow()).endsWith("/location");
        assertThat(pathOf(link(bundle, "next").orElseThrow())).isEqualTo("/location?_count=100&_offset=100");
        bundle.getEntry().forEach(entry -> {
            assertThat(entry.getFullUrl()).endsWith("/location/" + entry.getResource().getIdElement().getIdPart());
            assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        });
    }

    @Test
    @Order(1)
    void searchWhenPagingFacilitiesBy50ThenSixPagesOf300DistinctMatchingTheCsv() {
        var seen = new ArrayList<String>();
        var next = Optional.of("/location?type=HEALTH_FACILITY&_count=50");
        int pages = 0;
        while (next.isPresent()) {
            var response = get(next.get());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            var bundle = (Bundle) parse(response);
            assertThat(bundle.getTotal()).isEqualTo(300);
            assertThat(bundle.getEntry()).hasSizeLessThanOrEqualTo(50);
            seen.addAll(ids(bundle));
            next = link(bundle, "next").map(LocationApiContract::pathOf);
            if (pages > 0) {
                assertThat(link(bundle, "previous")).isPresent();
            }
            pages++;
            assertThat(pages).as("paging ends").isLessThanOrEqualTo(6);
        }
        assertThat(pages).isEqualTo(6);
        assertThat(seen).hasSize(300).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(csvIds("health-facilities.csv", "id"));
        var all = search("?type=HEALTH_FACILITY&_count=0");
        assertThat(ids(all)).containsExactlyElementsOf(seen);
        assertThat(link(all, "next")).isEmpty();
        var offset = search("?type=HEALTH_FACILITY&_count=50&_offset=250");
        assertThat(ids(offset)).containsExactlyElementsOf(seen.subList(250, 300));
        assertThat(search("?type=HEALTH_FACILITY&_count=50&_offset=300").getEntry()).isEmpty();
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Test
    void readWhenDistrictThenOpenCrvsShapeWithStatisticsExtensionsFromTheCsv() {
        var ibombo = read(IBOMBO);
        assertThat(ibombo.get("resourceType").asText()).isEqualTo("Location");
        assertThat(ibombo.get("id").asText()).isEqualTo(IBOMBO);
        assertThat(identifier(ibombo, STATISTICAL_CODE)).isEqualTo("ADMIN_STRUCTURE_" + IBOMBO);
        assertThat(identifier(ibombo, JURISDICTION_TYPE)).isEqualTo("DISTRICT");
        assertThat(ibombo.get("name").asText()).isEqualTo("Ibombo");
        assertThat(ibombo.get("alias").toString()).isEqualTo("[\"Ibombo\"]");
        assertThat(ibombo.get("description").asText()).isEqualTo(IBOMBO);
        assertThat(ibombo.get("status").asText()).isEqualTo("active");
        assertThat(ibombo.get("mode").asText()).isEqualTo("instance");
        assertThat(ibombo.get("partOf").get("reference").asText()).isEqualTo("Location/" + CENTRAL);
        assertThat(ibombo.get("type").get("coding").get(0).get("system").asText()).isEqualTo(LOCATION_TYPE);
        assertThat(ibombo.get("type").get("coding").get(0).get("code").asText()).isEqualTo("ADMIN_STRUCTURE");
        assertThat(ibombo.get("physicalType").get("coding").get(0).get("code").asText()).isEqualTo("jdn");
        assertThat(ibombo.get("physicalType").get("coding").get(0).get("display").asText()).isEqualTo("Jurisdiction");
        assertThat(ibombo.get("meta").get("lastUpdated").asText()).isNotBlank();

        var row = CsvRows.classpath("/farajaland/statistics.csv").stream()
                .filter(r -> r.get("adminPcode").equals(IBOMBO)).findFirst().orElseThrow();
        for (var measure : Map.of("male-populations", "male_population", "female-populations", "female_population",
                "total-populations", "population", "crude-birth-rates", "crude_birth_rate").entrySet()) {
            var expected = new StringBuilder("[");
            for (int year = 2007; year <= 2023; year++) {
                expected.append(year == 2007 ? "" : ",").append("{\"").append(year).append("\":")
                        .append(row.get(measure.getValue() + "_" + year)).append("}");
            }
            expected.append("]");
            assertThat(extension(ibombo, "http://opencrvs.org/specs/id/statistics-" + measure.getKey()))
                    .as(measure.getKey()).hasValue(expected.toString());
        }
        var central = read(CENTRAL);
        assertThat(central.get("partOf").get("reference").asText()).isEqualTo("Location/0");
        assertThat(identifier(central, JURISDICTION_TYPE)).isEqualTo("STATE");
    }

    @Test
    void readWhenHqOfficeThenInternalIdIdentifierBuildingAndPartOfEmbe() {
        var hq = read("2OKicPQMNI");
        assertThat(hq.get("identifier")).hasSize(1);
        assertThat(identifier(hq, INTERNAL_ID)).isEqualTo("CRVS_OFFICE_2OKicPQMNI");
        assertThat(hq.get("name").asText()).isEqualTo("HQ Office");
        assertThat(hq.get("alias").toString()).isEqualTo("[\"HQ Office\"]");
        assertThat(hq.get("partOf").get("reference").asText()).isEqualTo("Location/BxrIbNW7f3K");
        assertThat(hq.get("type").get("coding").get(0).get("code").asText()).isEqualTo("CRVS_OFFICE");
        assertThat(hq.get("physicalType").get("coding").get(0).get("code").asText()).isEqualTo("bu");
        assertThat(hq.get("physicalType").get("coding").get(0).get("display").asText()).isEqualTo("Building");
        assertThat(hq.has("extension")).isFalse();
        assertThat(hq.has("description")).isFalse();
        var facility = read("pXhz0PLiYZX");
        assertThat(identifier(facility, INTERNAL_ID)).isEqualTo("HEALTH_FACILITY_pXhz0PLiYZX");
        assertThat(facility.get("partOf").get("reference").asText()).isEqualTo("Location/" + IBOMBO);
    }

    @Test
    void readWhenFhirVersion40AskedThenStrictR4WithTypeAsArray() {
        var response = http().get("/location/" + IBOMBO, "Accept", "application/fhir+json; fhirVersion=4.0");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("type").isArray()).isTrue();
        var strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        var location = (org.hl7.fhir.r4.model.Location) strict.parseResource(response.body());
        assertThat(location.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ADMIN_STRUCTURE");
        var bundle = http().get("/location?type=CRVS_OFFICE&_count=3", "Accept", "application/fhir+json;fhirVersion=4.0");
        assertThat(((Bundle) strict.parseResource(bundle.body())).getEntry()).hasSize(3);
        // The default, OpenCRVS's shape, is read by HAPI's default parser into the same model.
        var lenient = (org.hl7.fhir.r4.model.Location) parse(get("/location/" + IBOMBO));
        assertThat(lenient.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ADMIN_STRUCTURE");
    }

    @Test
    void readWhenUnknownOrRootOrBadIdThen404Or400OperationOutcome() {
        assertOutcome(get("/location/" + UUID.randomUUID()), 404, "location_not_found", null);
        assertOutcome(get("/location/0"), 404, "location_not_found", null);
        assertOutcome(get("/location/bad%20id"), 400, "validation_failed", "id");
    }

    @Test
    void searchWhenIdentifierThenThatLocationOnlyAndSystemMustFit() {
        var office = search("?identifier=CRVS_OFFICE_JWMRGwDBXK");
        assertThat(office.getTotal()).isEqualTo(1);
        assertThat(names(office)).containsExactly("Ibombo District Office");
        assertThat(ids(search("?identifier=ADMIN_STRUCTURE_" + IBOMBO))).containsExactly(IBOMBO);
        assertThat(ids(search("?identifier=" + INTERNAL_ID + "%7CCRVS_OFFICE_JWMRGwDBXK"))).containsExactly("JWMRGwDBXK");
        assertThat(total("?identifier=" + STATISTICAL_CODE + "%7CCRVS_OFFICE_JWMRGwDBXK")).isZero();
        assertThat(total("?identifier=HEALTH_FACILITY_JWMRGwDBXK")).isZero();
        assertThat(total("?identifier=NOT_AN_IDENTIFIER")).isZero();
        assertThat(total("?type=HEALTH_FACILITY&identifier=CRVS_OFFICE_JWMRGwDBXK")).isZero();
        assertThat(ids(search("?type=CRVS_OFFICE&identifier=CRVS_OFFICE_JWMRGwDBXK"))).containsExactly("JWMRGwDBXK");
    }

    @Test
    void searchWhenNameOrPartOfThenPrefixMatchIgnoringCaseAndChildren() {
        var ibo = search("?name=ibombo&_count=0");
        assertThat(names(ibo)).contains("Ibombo", "Ibombo District Office").allMatch(n -> n.startsWith("Ibombo"));
        // Other tests add offices to Ibombo: the sample ones must be there, and only Ibombo's.
        var inIbombo = search("?partOf=Location/" + IBOMBO + "&type=CRVS_OFFICE&_count=0");
        assertThat(names(inIbombo)).contains("Ibombo District Office").doesNotContain("HQ Office");
        assertThat(ids(search("?partOf=" + IBOMBO + "&name=Ibombo%20District&type=CRVS_OFFICE")))
                .containsExactly("JWMRGwDBXK");
        var facilities = CsvRows.classpath("/farajaland/health-facilities.csv").stream()
                .filter(r -> r.get("partOf").equals("Location/" + IBOMBO)).map(r -> r.get("id")).toList();
        var found = search("?partOf=Location/" + IBOMBO + "&type=HEALTH_FACILITY&_count=0");
        assertThat(ids(found)).containsAll(facilities);
        found.getEntry().forEach(e -> assertThat(((org.hl7.fhir.r4.model.Location) e.getResource()).getPartOf()
                .getReference()).isEqualTo("Location/" + IBOMBO));
        assertThat(total("?partOf=Location/" + UUID.randomUUID())).isZero();
        assertThat(total("?name=50%25")).isZero();
    }

    @Test
    void searchWhenBadParametersThen400OperationOutcomeNamingEachParameter() {
        assertOutcome(get("/location?foo=1"), 400, "validation_failed", "foo");
        assertOutcome(get("/location?_id=" + IBOMBO), 400, "validation_failed", "_id");
        assertOutcome(get("/location?type=OFFICE"), 400, "validation_failed", "type");
        assertOutcome(get("/location?type=CRVS_OFFICE&type=HEALTH_FACILITY"), 400, "validation_failed", "type");
        assertOutcome(get("/location?type="), 400, "validation_failed", "type");
        assertOutcome(get("/location?status=archived"), 400, "validation_failed", "status");
        assertOutcome(get("/location?identifier=a%20b"), 400, "validation_failed", "identifier");
        assertOutcome(get("/location?partOf=Location/"), 400, "validation_failed", "partOf");
        assertOutcome(get("/location?_count=-1"), 400, "validation_failed", "_count");
        assertOutcome(get("/location?_count=ten"), 400, "validation_failed", "_count");
        assertOutcome(get("/location?_offset=1.5"), 400, "validation_failed", "_offset");
        assertOutcome(get("/location?name=" + "x".repeat(201)), 400, "validation_failed", "name");
        assertOutcome(http().sendRaw("GET", "/location?name=%zz", null), 400, "validation_failed", "name");
        var both = assertOutcome(get("/location?type=X&status=Y"), 400, "validation_failed", "type");
        assertThat(both.getIssue()).hasSize(2);
    }

    @Test
    void searchWhenCountAboveTheCapThenCappedAndZeroMeansAll() {
        var capped = search("?type=HEALTH_FACILITY&_count=100000");
        assertThat(capped.getEntry()).hasSize(300);
        var all = search("?_count=0");
        assertThat(all.getEntry()).hasSize(all.getTotal());
    }

    @Test
    void routesWhenOtherMethodsThen405OperationOutcomeWithAllow() {
        var delete = http().send("DELETE", "/location/" + IBOMBO, null, "Authorization", admin());
        assertOutcome(delete, 405, "method_not_allowed", null);
        assertThat(delete.header("Allow")).hasValue("GET, PUT");
        var putCollection = http().send("PUT", "/location", "{}", "Content-Type", "application/json");
        assertOutcome(putCollection, 405, "method_not_allowed", null);
        assertThat(putCollection.header("Allow")).hasValue("GET, POST");
    }

    // ---- creating -------------------------------------------------------------------------------------------

    @Test
    void createWhenOneOfficeThen201WithLocationHeaderUuidAndAudit() {
        var statisticalId = unique("OFF");
        var response = post(place(statisticalId, "Kalulu Office", "Location/" + IBOMBO, "CRVS_OFFICE"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var created = (org.hl7.fhir.r4.model.Location) parse(response);
        var id = created.getIdElement().getIdPart();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.header("Location").orElseThrow()).endsWith("/location/" + id);
        var read = read(id);
        assertThat(identifier(read, INTERNAL_ID)).isEqualTo("CRVS_OFFICE_" + statisticalId);
        assertThat(read.get("partOf").get("reference").asText()).isEqualTo("Location/" + IBOMBO);
        assertThat(read.get("physicalType").get("coding").get(0).get("code").asText()).isEqualTo("bu");
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(ids(search("?identifier=CRVS_OFFICE_" + statisticalId))).containsExactly(id);
        var audit = app.app().audit().list(Optional.of(id), Optional.empty(), Optional.empty(), 10);
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("location.created");
            assertThat(entry.actorId()).isEqualTo(app.userId("j.campbell"));
            assertThat(entry.details()).contains(statisticalId);
        });
        assertThat(app.app().locations().offices()).anyMatch(o -> o.id().equals(id));
    }

    @Test
    void createWhenAreaWithStatisticsThenJurisdictionDerivedAndExtensionsWritten() {
        var province = newProvince();
        var statisticalId = unique("D");
        var body = area(statisticalId, "New District", "Location/" + province);
        body.put("alias", "Wilaya Mpya");
        body.put("statistics", List.of(year(2021, 100, 110, 210, 12.5), year(2020, 90, 95, 185, 12)));
        var response = post(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var district = response.json();
        assertThat(identifier(district, STATISTICAL_CODE)).isEqualTo("ADMIN_STRUCTURE_" + statisticalId);
        assertThat(identifier(district, JURISDICTION_TYPE)).isEqualTo("DISTRICT");
        assertThat(district.get("description").asText()).isEqualTo(statisticalId);
        assertThat(district.get("alias").toString()).isEqualTo("[\"Wilaya Mpya\"]");
        assertThat(extension(district, "http://opencrvs.org/specs/id/statistics-male-populations"))
                .hasValue("[{\"2020\":90},{\"2021\":100}]");
        assertThat(extension(district, "http://opencrvs.org/specs/id/statistics-crude-birth-rates"))
                .hasValue("[{\"2020\":12},{\"2021\":12.5}]");
        // OpenCRVS's LOCATION_LEVEL_n names are accepted and stored as the level's name.
        var level3 = area(unique("L"), "Ward", "Location/" + statisticalId);
        level3.put("jurisdictionType", "LOCATION_LEVEL_3");
        var ward = post(level3);
        assertThat(ward.status()).as(ward.toString()).isEqualTo(201);
        assertThat(identifier(ward.json(), JURISDICTION_TYPE)).isEqualTo("LOCATION_LEVEL_3");
        var wrongLevel = area(unique("L"), "Ward", "Location/" + province);
        wrongLevel.put("jurisdictionType", "STATE");
        assertOutcome(post(wrongLevel), 400, "invalid_locations", "(body)");
    }

    @Test
    void createWhenArrayReferencingParentsByStatisticalIdThen201BatchBundleInOrderSent() {
        var province = unique("P");
        var district = unique("D");
        var office = unique("O");
        var facility = unique("F");
        var batch = List.of(
                place(facility, "Clinic", "Location/" + district, "HEALTH_FACILITY"),
                place(office, "Office", "Location/" + district, "CRVS_OFFICE"),
                area(district, "District", "Location/" + province),
                area(province, "Province", "Location/0"));
        var response = post(batch);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var bundle = (Bundle) parse(response);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(bundle.getEntry()).hasSize(4);
        var createdIds = new ArrayList<String>();
        var sent = List.of(facility, office, district, province);
        for (int i = 0; i < 4; i++) {
            var entry = bundle.getEntry().get(i);
            var location = (org.hl7.fhir.r4.model.Location) entry.getResource();
            assertThat(location.getIdentifierFirstRep().getValue()).endsWith("_" + sent.get(i));
            assertThat(entry.getResponse().getStatus()).isEqualTo("201 Created");
            assertThat(entry.getResponse().getLocation()).isEqualTo("Location/" + location.getIdElement().getIdPart());
            createdIds.add(location.getIdElement().getIdPart());
        }
        var provinceId = createdIds.get(3);
        var districtId = createdIds.get(2);
        assertThat(read(provinceId).get("partOf").get("reference").asText()).isEqualTo("Location/0");
        var storedDistrict = read(districtId);
        assertThat(storedDistrict.get("partOf").get("reference").asText()).isEqualTo("Location/" + provinceId);
        assertThat(identifier(storedDistrict, JURISDICTION_TYPE)).isEqualTo("DISTRICT");
        assertThat(identifier(read(provinceId), JURISDICTION_TYPE)).isEqualTo("STATE");
        assertThat(ids(search("?partOf=" + districtId + "&_count=0"))).containsExactlyInAnyOrder(createdIds.get(0),
                createdIds.get(1));
        // Stored parents may also be named by their statistical id.
        var byCode = post(place(unique("F"), "Clinic 2", "Location/" + district, "HEALTH_FACILITY"));
        assertThat(byCode.status()).as(byCode.toString()).isEqualTo(201);
        assertThat(byCode.json().get("partOf").get("reference").asText()).isEqualTo("Location/" + districtId);
    }

    @Test
    void createWhenArrayHasOneBadEntryThenNothingStored() {
        var province = unique("P");
        var good = area(province, "Province", "Location/0");
        var orphan = place(unique("F"), "Orphan", "Location/" + unique("NOPE"), "HEALTH_FACILITY");
        var response = post(List.of(good, orphan));
        var outcome = assertOutcome(response, 400, "invalid_locations", "[1]");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("is not a known location");
        assertThat(total("?identifier=ADMIN_STRUCTURE_" + province)).isZero();

        var taken = post(List.of(area(province, "Province", "Location/0"), area(IBOMBO, "Copy", "Location/0")));
        assertOutcome(taken, 409, "location_exists", "[1]");
        assertThat(total("?identifier=ADMIN_STRUCTURE_" + province)).isZero();

        var twice = post(List.of(area(province, "Province", "Location/0"), area(province, "Again", "Location/0")));
        assertOutcome(twice, 400, "invalid_locations", "[1]");
        assertThat(total("?identifier=ADMIN_STRUCTURE_" + province)).isZero();
    }

    @Test
    void createWhenStatisticalIdExistsThen409ForAnyTypeOfIdentifier() {
        assertOutcome(post(place("JWMRGwDBXK", "Another office", "Location/" + IBOMBO, "CRVS_OFFICE")), 409,
                "location_exists", "(body)");
        assertOutcome(post(place(IBOMBO, "A facility", "Location/" + IBOMBO, "HEALTH_FACILITY")), 409,
                "location_exists", "(body)");
        var statisticalId = unique("O");
        assertThat(post(place(statisticalId, "Office", "Location/" + IBOMBO, "CRVS_OFFICE")).status()).isEqualTo(201);
        var again = post(area(statisticalId, "Area", "Location/0"));
        var outcome = assertOutcome(again, 409, "location_exists", "(body)");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("statisticalID " + statisticalId + " already exists");
    }

    @Test
    void createWhenSameStatisticalIdSentConcurrentlyThenOne201AndThe409sNever500() throws Exception {
        var statisticalId = unique("R");
        var body = place(statisticalId, "Race Office", "Location/" + IBOMBO, "CRVS_OFFICE");
        var token = admin();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            var calls = new ArrayList<java.util.concurrent.Future<Response>>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> http().postJson("/location", body, "Authorization", token)));
            }
            var statuses = new ArrayList<Integer>();
            for (var call : calls) {
                var response = call.get();
                statuses.add(response.status());
                parse(response);
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        }
        assertThat(total("?identifier=CRVS_OFFICE_" + statisticalId)).isEqualTo(1);
    }

    @Test
    void createWhenParentUnknownOrOfTheWrongKindThen400() {
        assertOutcome(post(place(unique("O"), "Office", "Location/" + unique("X"), "CRVS_OFFICE")), 400,
                "invalid_locations", "(body)");
        assertOutcome(post(place(unique("O"), "Office", "Location/0", "CRVS_OFFICE")), 400, "invalid_locations",
                "(body)");
        assertOutcome(post(place(unique("F"), "Clinic", "Location/JWMRGwDBXK", "HEALTH_FACILITY")), 400,
                "invalid_locations", "(body)");
        assertOutcome(post(area(unique("A"), "Area", "Location/JWMRGwDBXK")), 400, "invalid_locations", "(body)");
        var stats = place(unique("O"), "Office", "Location/" + IBOMBO, "CRVS_OFFICE");
        stats.put("statistics", List.of(year(2020, 1, 1, 2, 1)));
        assertOutcome(post(stats), 400, "invalid_locations", "(body)");
    }

    @Test
    void createWhenBodyMalformedThen400NamingEachFieldOr415() {
        var missing = new LinkedHashMap<String, Object>(Map.of("statisticalID", unique("X"), "code", "CRVS_OFFICE"));
        var outcome = assertOutcome(post(missing), 400, "validation_failed", "name");
        assertThat(outcome.getIssue()).extracting(i -> i.getExpression().getFirst().getValue())
                .containsExactlyInAnyOrder("name", "partOf");
        var bad = place(unique("X"), "Office", "Location/" + IBOMBO, "OFFICE");
        bad.put("colour", "blue");
        bad.put("jurisdictionType", "COUNTY");
        var errors = assertOutcome(post(bad), 400, "validation_failed", "code");
        assertThat(errors.getIssue()).extracting(i -> i.getExpression().getFirst().getValue())
                .contains("code", "colour", "jurisdictionType");
        assertOutcome(post(place("has space", "Office", "Location/" + IBOMBO, "CRVS_OFFICE")), 400,
                "validation_failed", "statisticalID");
        assertOutcome(post(place(unique("X"), "Office", IBOMBO, "CRVS_OFFICE")), 400, "validation_failed", "partOf");
        assertOutcome(post(place(unique("X"), " ", "Location/" + IBOMBO, "CRVS_OFFICE")), 400, "validation_failed",
                "name");
        var badYear = area(unique("A"), "Area", "Location/0");
        badYear.put("statistics", List.of(Map.of("year", 2020, "male_population", "many", "female_population", 1,
                "population", 1, "crude_birth_rate", 1)));
        assertOutcome(post(badYear), 400, "validation_failed", "statistics[0].male_population");
        assertOutcome(post(List.of(Map.of("name", 5))), 400, "validation_failed", "[0].name");
        assertOutcome(post(List.of()), 400, "validation_failed", "(body)");
        assertOutcome(post("\"text\""), 400, "validation_failed", "(body)");
        assertOutcome(post("{\"statisticalID\":"), 400, "malformed_json", null);
        var tooLarge = post("[" + "1,".repeat(600_000) + "1]");
        assertOutcome(tooLarge, 413, "payload_too_large", null);
        var text = http().send("POST", "/location", "x", "Content-Type", "text/plain", "Authorization", admin());
        assertOutcome(text, 415, "unsupported_media_type", null);
        var fhirJson = http().send("POST", "/location", Http.json(place(unique("O"), "Office", "Location/" + IBOMBO,
                "CRVS_OFFICE")), "Content-Type", "application/fhir+json", "Authorization", admin());
        assertThat(fhirJson.status()).as(fhirJson.toString()).isEqualTo(201);
    }

    @Test
    void createWhenNoTokenOrNotNatlsysadminThen401Or403AndNothingStored() {
        var statisticalId = unique("O");
        var body = place(statisticalId, "Office", "Location/" + IBOMBO, "CRVS_OFFICE");
        var anonymous = http().postJson("/location", body);
        assertOutcome(anonymous, 401, "missing_token", null);
        assertThat(anonymous.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        var health = app.token(app.createClient(ClientType.HEALTH));
        var forbidden = http().postJson("/location", body, "Authorization", Http.bearer(health));
        assertOutcome(forbidden, 403, "insufficient_scope", null);
        assertThat(forbidden.header("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertOutcome(http().postJson("/location", body, "Authorization", "Bearer not.a.token"), 401, "invalid_token",
                null);
        assertThat(total("?identifier=CRVS_OFFICE_" + statisticalId)).isZero();
    }

    // ---- updating -------------------------------------------------------------------------------------------

    @Test
    void updateWhenRenamedArchivedAndStatisticsChangedThenReadBackAndAudited() {
        var province = newProvince();
        var statisticalId = unique("D");
        var body = area(statisticalId, "Old Name", "Location/" + province);
        body.put("statistics", List.of(year(2022, 10, 10, 20, 5), year(2023, 20, 20, 40, 6)));
        var id = post(body).json().get("id").asText();

        var response = put(id, Map.of("name", "New Name", "alias", "Nouveau", "status", "inactive",
                "statistics", year(2023, 30, 31, 61, 7.25)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        parse(response);
        var updated = read(id);
        assertThat(updated.get("name").asText()).isEqualTo("New Name");
        assertThat(updated.get("alias").toString()).isEqualTo("[\"Nouveau\"]");
        assertThat(updated.get("status").asText()).isEqualTo("inactive");
        assertThat(extension(updated, "http://opencrvs.org/specs/id/statistics-total-populations"))
                .hasValue("[{\"2022\":20},{\"2023\":61}]");
        assertThat(extension(updated, "http://opencrvs.org/specs/id/statistics-crude-birth-rates"))
                .hasValue("[{\"2022\":5},{\"2023\":7.25}]");
        var added = put(id, Map.of("statistics", year(2024, 1, 2, 3, 4)));
        assertThat(added.status()).isEqualTo(200);
        assertThat(extension(added.json(), "http://opencrvs.org/specs/id/statistics-male-populations"))
                .hasValue("[{\"2022\":10},{\"2023\":30},{\"2024\":1}]");
        assertThat(ids(search("?status=inactive&partOf=" + province))).containsExactly(id);
        assertThat(ids(search("?name=new%20na&partOf=" + province))).containsExactly(id);
        var reactivated = put(id, Map.of("status", "active"));
        assertThat(reactivated.json().get("status").asText()).isEqualTo("active");
        assertThat(app.app().audit().list(Optional.of(id), Optional.empty(), Optional.empty(), 10))
                .extracting(e -> e.action())
                .containsExactly("location.updated", "location.updated", "location.updated", "location.created");
    }

    @Test
    void updateWhenUnknownOrInvalidThenPrecise4xxAndNothingChanged() {
        assertOutcome(put(UUID.randomUUID().toString(), Map.of("name", "X")), 404, "location_not_found", null);
        var office = post(place(unique("O"), "Office", "Location/" + IBOMBO, "CRVS_OFFICE")).json().get("id").asText();
        assertOutcome(put(office, Map.of()), 400, "validation_failed", "(body)");
        assertOutcome(put(office, Map.of("status", "archived")), 400, "validation_failed", "status");
        assertOutcome(put(office, Map.of("partOf", "Location/0")), 400, "validation_failed", "partOf");
        assertOutcome(put(office, Map.of("statistics", year(2020, 1, 1, 2, 1))), 400, "invalid_locations", "statistics");
        assertOutcome(put(office, Map.of("statistics", Map.of("year", 2020))), 400, "validation_failed",
                "statistics.male_population");
        assertOutcome(put(office, Map.of("statistics", year(1066, 1, 1, 2, 1))), 400, "validation_failed", "statistics");
        var anonymous = http().send("PUT", "/location/" + office, "{\"name\":\"X\"}", "Content-Type", "application/json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(parse(anonymous)).isInstanceOf(OperationOutcome.class);
        var health = app.token(app.createClient(ClientType.HEALTH));
        var forbidden = http().send("PUT", "/location/" + office, "{\"name\":\"X\"}", "Content-Type",
                "application/json", "Authorization", Http.bearer(health));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(read(office).get("name").asText()).isEqualTo("Office");
        assertThat(read(office).get("status").asText()).isEqualTo("active");
    }
}
