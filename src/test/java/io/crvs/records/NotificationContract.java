package io.crvs.records;

import static io.crvs.testkit.TestBundles.DISTRICT_ID;
import static io.crvs.testkit.TestBundles.FACILITY_ID;
import static io.crvs.testkit.TestBundles.OFFICE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.auth.ClientType;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.TestBundles;
import io.crvs.testkit.TestBundles.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenCRVS's Event Notification API, {@code POST /notification} (interop spec §4), over real HTTP: the four
 * published samples as sent and in the v1.4 form, what is stored and returned, idempotent resubmission, who may
 * call it, the audit entry, and a precise 400 OperationOutcome for every kind of broken bundle.
 */
public abstract class NotificationContract extends RecordsContractSupport {
    private static final String TRACKING_SYSTEM = "http://opencrvs.org/specs/id/%s-tracking-id";
    private static final String SYSTEM_IDENTIFIER = "http://opencrvs.org/specs/id/system_identifier";
    private static final String REG_STATUS = "http://opencrvs.org/specs/reg-status";

    static Stream<Arguments> samples() {
        return Stream.of(Sample.values()).flatMap(s -> Stream.of(Arguments.of(s, false), Arguments.of(s, true)));
    }

    private static ObjectNode bundle(Sample sample, boolean v14) {
        return v14 ? TestBundles.v14(sample) : TestBundles.sample(sample);
    }

    private static String event(Sample sample) {
        return sample.birth() ? "birth" : "death";
    }

    @ParameterizedTest(name = "{0}, v1.4 form {1}")
    @MethodSource("samples")
    void notifyWhenPublishedSampleThen200TransactionResponseWithTrackingIdInBundleAndTask(Sample sample, boolean v14) {
        var sent = bundle(sample, v14);
        var response = notify(health().bearer(), sent);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith(FHIR_JSON);
        var body = response.json();
        assertThat(body.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(body.path("type").asText()).isEqualTo("transaction-response");
        var trackingId = body.path("identifier").path("value").asText();
        assertThat(trackingId).matches(TRACKING_ID).startsWith(sample.birth() ? "B" : "D");
        assertThat(body.path("identifier").path("system").asText()).isEqualTo(TRACKING_SYSTEM.formatted(event(sample)));
        var id = recordId(response);
        assertThat(response.header("Location")).hasValue("/records/" + id);
        assertThat(body.path("entry").path(0).path("response").path("location").asText())
                .isEqualTo("/fhir/Composition/" + id + "/_history/1");
        assertThat(body.path("entry")).hasSize(sent.path("entry").size());
        body.path("entry").forEach(e -> assertThat(e.path("response").path("status").asText()).startsWith("201"));
        var task = body.path("entry").path(1).path("resource");
        assertThat(task.path("resourceType").asText()).isEqualTo("Task");
        assertThat(body.path("entry").path(1).path("response").path("location").asText())
                .startsWith("/fhir/Task/" + task.path("id").asText() + "/_history/");
        assertThat(identifier(task, TRACKING_SYSTEM.formatted(event(sample)))).isEqualTo(trackingId);
        assertThat(task.path("businessStatus").path("coding").path(0).path("code").asText()).isEqualTo("IN_PROGRESS");
    }

    @ParameterizedTest(name = "{0}, v1.4 form {1}")
    @MethodSource("samples")
    void viewWhenSampleNotifiedThenHapiReadsDocumentWithInProgressTaskOfficeDistrictAndClient(Sample sample, boolean v14) {
        var client = health();
        var sent = bundle(sample, v14);
        var notified = notify(client.bearer(), sent);
        var id = recordId(notified);
        var trackingId = notified.json().path("identifier").path("value").asText();

        var response = view(id, staff("k.mweene"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith(FHIR_JSON);
        assertThat(response.header("ETag")).hasValue("\"1\"");
        var document = tolerantParser().parseResource(Bundle.class, response.body());
        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(document.getEntry()).hasSize(sent.path("entry").size());
        var composition = (Composition) document.getEntryFirstRep().getResource();
        assertThat(document.getEntryFirstRep().getFullUrl()).isEqualTo("urn:uuid:" + id);
        assertThat(response.json().path("entry").path(0).path("resource").path("id").asText()).isEqualTo(id);
        assertThat(composition.getIdentifier().getValue()).isEqualTo(trackingId);
        var task = (Task) document.getEntry().get(1).getResource();
        var status = task.getBusinessStatus().getCodingFirstRep();
        assertThat(status.getSystem()).isEqualTo(REG_STATUS);
        assertThat(status.getCode()).isEqualTo("IN_PROGRESS");
        assertThat(reference(task, TestBundles.REG_LAST_OFFICE)).isEqualTo("Location/" + OFFICE_ID);
        assertThat(reference(task, TestBundles.REG_LAST_LOCATION)).isEqualTo("Location/" + DISTRICT_ID);
        assertThat(task.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo(TRACKING_SYSTEM.formatted(event(sample)));
            assertThat(i.getValue()).isEqualTo(trackingId);
        });
        var system = task.getIdentifier().stream().filter(i -> SYSTEM_IDENTIFIER.equals(i.getSystem())).toList();
        assertThat(system).hasSize(1);
        var client0 = json(system.getFirst().getValue());
        assertThat(client0.path("name").asText()).isEqualTo(client.name());
        var subject = io.crvs.testkit.Jwt.claims(client.bearer().substring("Bearer ".length())).path("sub").asText();
        assertThat(client0.path("username").asText()).isEqualTo(subject);
        assertThat(client0.path("type").asText()).isEqualTo("HEALTH");
        assertThat(task.getFocus().getReference()).isEqualTo(response.json().path("entry").path(0).path("fullUrl").asText());
        assertReferencesResolve(response.json());
    }

    /** Every {@code urn:uuid:} reference in the stored document points to one of its entries. */
    private static void assertReferencesResolve(JsonNode document) {
        var fullUrls = new HashSet<String>();
        document.path("entry").forEach(e -> fullUrls.add(e.path("fullUrl").asText()));
        var references = new ArrayList<String>();
        collectReferences(document.path("entry"), references);
        assertThat(references).isNotEmpty();
        assertThat(references.stream().filter(r -> r.startsWith("urn:uuid:"))).allMatch(fullUrls::contains);
    }

    private static void collectReferences(JsonNode node, List<String> into) {
        if (node.isObject()) {
            if (node.path("reference").isTextual()) {
                into.add(node.path("reference").asText());
            }
            node.forEach(child -> collectReferences(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, into));
        }
    }

    @Test
    void viewWhenBirthMaxNotifiedThenNonNumericQuantityKeptExactlyAsSent() {
        var id = notifyOk(health().bearer(), TestBundles.sample(Sample.BIRTH_MAX));

        var document = view(id, staff("k.mweene")).json();

        var values = new ArrayList<JsonNode>();
        document.path("entry").forEach(e -> {
            var resource = e.path("resource");
            if ("Observation".equals(resource.path("resourceType").asText()) && resource.has("valueQuantity")) {
                values.add(resource.path("valueQuantity").path("value"));
            }
        });
        assertThat(values).hasSize(2);
        assertThat(values).anySatisfy(v -> {
            assertThat(v.isTextual()).isTrue();
            assertThat(v.textValue()).isEqualTo("SINGLE");
        });
        assertThat(values).anySatisfy(v -> {
            assertThat(v.isNumber()).isTrue();
            assertThat(v.intValue()).isEqualTo(4);
        });
    }

    @Test
    void notifyWhenSameBundleTwiceThenSameRecordAndTrackingIdAndOneQueueEntry() {
        var client = health();
        var bundle = TestBundles.birth().build();

        var first = notify(client.bearer(), bundle);
        var second = notify(client.bearer(), bundle);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        var id = recordId(first);
        assertThat(recordId(second)).isEqualTo(id);
        assertThat(second.json().path("identifier").path("value").asText())
                .isEqualTo(first.json().path("identifier").path("value").asText());
        assertThat(second.header("Location")).hasValue("/records/" + id);
        assertThat(second.json().path("entry").path(0).path("response").path("status").asText()).startsWith("200");
        assertThat(occurrences(id)).isEqualTo(1);
        assertThat(actions(history(id, staff("k.mweene")))).containsExactly("NOTIFIED");
    }

    @Test
    void notifyWhenBirthIdentifierReusedForADeathThenConflictAndNoDeathStored() {
        var client = health();
        var birth = TestBundles.birth().build();
        var identifier = TestBundles.composition(birth).path("identifier").path("value").asText();
        var death = TestBundles.death().identifier(identifier).build();

        var first = notify(client.bearer(), birth);
        var second = notify(client.bearer(), death);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(second.json().path("issue").path(0).path("code").asText()).isEqualTo("conflict");
        assertThat(second.json().path("issue").path(0).path("diagnostics").asText())
                .contains(identifier).contains(first.json().path("identifier").path("value").asText());
        assertThat(notify(client.bearer(), birth).status()).as("the birth itself still replays").isEqualTo(200);
    }

    @Test
    void notifyWhenSameIdentifierFromAnotherClientThenSeparateRecord() {
        var bundle = TestBundles.birth().build();

        var first = recordId(notify(health().bearer(), bundle));
        var second = recordId(notify(health().bearer(), bundle));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void notifyWhenSameBundleTenTimesConcurrentlyThenOneRecord() throws Exception {
        var client = health();
        var body = TestBundles.json(TestBundles.birth().build());
        var start = new CountDownLatch(1);
        var responses = new ArrayList<Future<Response>>();
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return notify(client.bearer(), body);
                }));
            }
            start.countDown();
            var ids = new HashSet<String>();
            var trackingIds = new HashSet<String>();
            for (var future : responses) {
                var response = future.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                ids.add(recordId(response));
                trackingIds.add(response.json().path("identifier").path("value").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(trackingIds).hasSize(1);
            var id = ids.iterator().next();
            assertThat(occurrences(id)).isEqualTo(1);
            assertThat(actions(history(id, staff("k.mweene")))).containsExactly("NOTIFIED");
        }
    }

    /** How often the record appears in Ibombo's in-progress queue. */
    private int occurrences(String id) {
        var all = new ArrayList<String>();
        for (int skip = 0; ; skip += 200) {
            var page = ids(queue(staff("k.mweene"), "queue=in-progress&count=200&skip=" + skip));
            all.addAll(page);
            if (page.size() < 200) {
                break;
            }
        }
        return (int) all.stream().filter(id::equals).count();
    }

    @Test
    void notifyWhenRecordSearchClientThen403InsufficientScope() {
        var response = notify(client(ClientType.RECORD_SEARCH).bearer(), TestBundles.birth().build());

        assertProblem(response, 403, "insufficient_scope");
    }

    @Test
    void notifyWhenNoTokenThen401WithBearerChallenge() {
        var response = http().send("POST", "/notification", TestBundles.json(TestBundles.birth().build()),
                "Content-Type", "application/json");

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }

    @Test
    void notifyWhenLocalSystemAdminThen403() {
        var response = notify(staff("e.mayuka"), TestBundles.birth().build());

        assertProblem(response, 403, "insufficient_scope");
    }

    @Test
    void notifyWhenFieldAgentWithDeclareScopeThenInProgressRecordWithoutSystemIdentifier() {
        var response = notify(staff("k.bwalya"), TestBundles.birth().build());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var task = response.json().path("entry").path(1).path("resource");
        assertThat(task.path("businessStatus").path("coding").path(0).path("code").asText()).isEqualTo("IN_PROGRESS");
        assertThat(identifier(task, SYSTEM_IDENTIFIER)).isNull();
    }

    @Test
    void notifyWhenAcceptedThenAuditRecordNotifyNamesTheClient() {
        var client = health();
        var response = notify(client.bearer(), TestBundles.birth().build());
        var id = recordId(response);

        var entries = audit(id, "record.notify");

        assertThat(entries).hasSize(1);
        var entry = entries.getFirst();
        assertThat(entry.outcome()).isEqualToIgnoringCase("SUCCESS");
        assertThat(entry.subjectType()).isEqualTo("record");
        var details = json(entry.details());
        assertThat(details.path("received_from_client").asText()).isEqualTo(client.name());
        assertThat(details.path("tracking_id").asText()).isEqualTo(response.json().path("identifier").path("value").asText());
        assertThat(details.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(details.path("office").asText()).isEqualTo(OFFICE_ID);
    }

    @Test
    void notifyWhenRegLastLocationGivenThenStoredAsSentAndTaskTrackingIdMatchesBundle() {
        var bundle = TestBundles.birth().regLastLocation(DISTRICT_ID).build();
        var response = notify(health().bearer(), bundle);

        var document = view(recordId(response), staff("f.katongo")).json();

        var task = document.path("entry").path(1).path("resource");
        assertThat(TestBundles.extension(task, TestBundles.REG_LAST_LOCATION)).hasValue("Location/" + DISTRICT_ID);
        assertThat(task.path("extension").findValues("url").stream().map(JsonNode::asText)
                .filter(TestBundles.REG_LAST_LOCATION::equals)).hasSize(1);
    }

    @Test
    void notifyWhenNotificationToHqOfficeThenRecordInHqDistrict() {
        var bundle = TestBundles.death().office(TestBundles.HQ_OFFICE_ID).build();

        var id = notifyOk(health().bearer(), bundle);

        var task = view(id, staff("j.musonda")).json().path("entry").path(1).path("resource");
        assertThat(TestBundles.extension(task, TestBundles.REG_LAST_OFFICE)).hasValue("Location/" + TestBundles.HQ_OFFICE_ID);
        assertThat(TestBundles.extension(task, TestBundles.REG_LAST_LOCATION)).hasValue("Location/BxrIbNW7f3K");
    }

    @Test
    void notifyWhenAddressLinesTenToTwelveBlankOrAValidChainThen200() {
        var blank = TestBundles.birth().build();
        var lines = motherAddress(blank).putArray("line").add("12 Independence Avenue");
        for (int i = 1; i <= 12; i++) {
            lines.add(i == 11 ? " " : "");
        }
        var chain = TestBundles.birth().build();
        motherAddress(chain).remove("district");
        addressLine(chain, 10, DISTRICT_ID);

        var blankResponse = notify(health().bearer(), blank);
        var chainResponse = notify(health().bearer(), chain);

        assertThat(blankResponse.status()).as(blankResponse.toString()).isEqualTo(200);
        assertThat(chainResponse.status()).as("line[10] Ibombo, then no district, then its province: " + chainResponse)
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"894", "004", "ZM", "ZMB", "zmb"})
    void notifyWhenAddressCountryIsoAlpha2Alpha3OrNumericThen200(String country) {
        var bundle = TestBundles.birth().build();
        motherAddress(bundle).put("country", country);

        var response = notify(health().bearer(), bundle);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** OpenCRVS checks {@code meta.lastUpdated} with Joi's {@code date().iso()}, which takes all of these. */
    @ParameterizedTest
    @ValueSource(strings = {"2022-08-14", "2022-08", "2022", "2022-08-14T14:43:47.000Z", "2022-08-14T14:43Z",
            "2022-08-14T14:43:47", "2022-08-14T14:43:47.123456+02:00", "2022-08-14T14:43:47-0530", "2022-08-14T24:00"})
    void notifyWhenMetaLastUpdatedInAnIsoFormJoiAcceptsThen200(String lastUpdated) {
        var bundle = TestBundles.birth().build();
        ((ObjectNode) bundle.path("meta")).put("lastUpdated", lastUpdated);

        var response = notify(health().bearer(), bundle);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void notifyWhenContentTypeNotJsonThen415OperationOutcomeNamingTheJsonTypes(String contentType) {
        var client = health();
        var queued = occurrencesTotal();

        var response = http().send("POST", "/notification", TestBundles.json(TestBundles.birth().build()),
                "Authorization", client.bearer(), "Content-Type", contentType);

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith(FHIR_JSON);
        var issue = response.json().path("issue").path(0);
        assertThat(response.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(issue.path("code").asText()).isEqualTo("not-supported");
        assertThat(issue.path("diagnostics").asText()).contains(contentType, "application/json", "application/fhir+json",
                "+json");
        assertThat(occurrencesTotal()).isEqualTo(queued);
    }

    /** An empty value stands for no Content-Type header at all, which hapi (and crvs) read as JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+json", "application/json; charset=utf-8", "Application/JSON",
            "application/vnd.example+json; charset=UTF-8", ""})
    void notifyWhenJsonContentTypeOrNoneThen200(String contentType) {
        var body = TestBundles.json(TestBundles.birth().build());
        var headers = contentType.isEmpty() ? new String[] {"Authorization", health().bearer()}
                : new String[] {"Authorization", health().bearer(), "Content-Type", contentType};

        var response = http().send("POST", "/notification", body, headers);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    // ---- broken bundles ------------------------------------------------------------------------------------

    /** A broken request body and the element its OperationOutcome must name. */
    record Broken(String name, Function<ObjectNode, String> body, String expression) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Broken raw(String name, String body, String expression) {
        return new Broken(name, b -> body, expression);
    }

    private static Broken mutated(String name, java.util.function.Consumer<ObjectNode> mutation, String expression) {
        return new Broken(name, b -> {
            mutation.accept(b);
            return TestBundles.json(b);
        }, expression);
    }

    private static ArrayNode entries(ObjectNode bundle) {
        return (ArrayNode) bundle.path("entry");
    }

    /** Builder layout: 0 Composition, 1 Task, 2 child, 3 mother, 4 informant, 5 Encounter. */
    private static ObjectNode resource(ObjectNode bundle, int index) {
        return (ObjectNode) bundle.path("entry").path(index).path("resource");
    }

    /** Composition sections: 0 child-details, 1 mother-details, 2 informant-details, 3 birth-encounter. */
    private static ObjectNode section(ObjectNode bundle, int index) {
        return (ObjectNode) TestBundles.composition(bundle).path("section").path(index);
    }

    private static ObjectNode motherAddress(ObjectNode bundle) {
        return (ObjectNode) resource(bundle, 3).path("address").path(0);
    }

    /** The mother's {@code address[0].line}: blank strings up to {@code index}, then {@code value}. */
    private static void addressLine(ObjectNode bundle, int index, String value) {
        var line = motherAddress(bundle).putArray("line");
        for (int i = 0; i < index; i++) {
            line.add("");
        }
        line.add(value);
    }

    private static void swap(ObjectNode bundle, int a, int b) {
        var entries = entries(bundle);
        var first = entries.get(a);
        entries.set(a, entries.get(b));
        entries.set(b, first);
    }

    private static void setOffice(ObjectNode bundle, String reference) {
        TestBundles.setReferenceExtension(TestBundles.task(bundle), TestBundles.REG_LAST_OFFICE, reference);
    }

    private static void setDistrict(ObjectNode bundle, String reference) {
        TestBundles.setReferenceExtension(TestBundles.task(bundle), TestBundles.REG_LAST_LOCATION, reference);
    }

    private static ObjectNode extraEntry(ObjectNode bundle, String resourceType) {
        var entry = entries(bundle).addObject().put("fullUrl", "urn:uuid:" + UUID.randomUUID());
        return entry.putObject("resource").put("resourceType", resourceType);
    }

    static Stream<Broken> brokenBundles() {
        var task = "Bundle.entry[1].resource";
        var office = task + ".extension(regLastOffice)";
        var district = task + ".extension(regLastLocation)";
        var encounter = "Bundle.entry[5].resource.location[0].location";
        var address = "Bundle.entry[3].resource.address[0]";
        return Stream.of(
                raw("not JSON", "{\"resourceType\": \"Bundle\", \"type\": ", "Bundle"),
                raw("a JSON array", "[{\"resourceType\": \"Bundle\"}]", "Bundle"),
                raw("a JSON string", "\"Bundle\"", "Bundle"),
                raw("an empty body", "", "Bundle"),
                mutated("resourceType not Bundle", b -> b.put("resourceType", "Patient"), "Bundle.resourceType"),
                mutated("resourceType missing", b -> b.remove("resourceType"), "Bundle.resourceType"),
                mutated("type not document", b -> b.put("type", "transaction"), "Bundle.type"),
                mutated("unknown top-level element", b -> b.put("hospital", "Ibombo"), "Bundle.hospital"),
                mutated("Bundle.id (OpenCRVS's schema has no id)", b -> b.put("id", UUID.randomUUID().toString()),
                        "Bundle.id"),
                mutated("Bundle.timestamp", b -> b.put("timestamp", "2024-05-01T10:00:00Z"), "Bundle.timestamp"),
                mutated("Bundle.identifier", b -> b.putObject("identifier").put("value", "x"), "Bundle.identifier"),
                mutated("meta.versionId", b -> ((ObjectNode) b.path("meta")).put("versionId", "1"),
                        "Bundle.meta.versionId"),
                mutated("meta a string", b -> b.put("meta", "2024-05-01"), "Bundle.meta"),
                mutated("meta missing", b -> b.remove("meta"), "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated missing", b -> ((ObjectNode) b.path("meta")).remove("lastUpdated"),
                        "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated not an instant", b -> ((ObjectNode) b.path("meta")).put("lastUpdated",
                        "yesterday"), "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated a number", b -> ((ObjectNode) b.path("meta")).put("lastUpdated", 1715000000),
                        "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated a day-first date", b -> ((ObjectNode) b.path("meta")).put("lastUpdated",
                        "14/08/2022"), "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated month 13", b -> ((ObjectNode) b.path("meta")).put("lastUpdated",
                        "2022-13-01"), "Bundle.meta.lastUpdated"),
                mutated("meta.lastUpdated hour 25", b -> ((ObjectNode) b.path("meta")).put("lastUpdated",
                        "2022-08-14T25:00Z"), "Bundle.meta.lastUpdated"),
                mutated("entry missing", b -> b.remove("entry"), "Bundle.entry"),
                mutated("entry empty", b -> b.putArray("entry"), "Bundle.entry"),
                mutated("entry an object", b -> b.putObject("entry").put("fullUrl", "urn:uuid:1"), "Bundle.entry"),
                mutated("more than 200 entries", b -> {
                    for (int i = 0; i < 200; i++) {
                        extraEntry(b, "Observation").put("status", "final");
                    }
                }, "Bundle.entry"),
                mutated("JSON nested 100 deep", b -> {
                    var node = resource(b, 3).putObject("nested");
                    for (int i = 0; i < 100; i++) {
                        node = node.putObject("nested");
                    }
                }, "Bundle"),
                mutated("an entry not an object", b -> entries(b).set(2, b.textNode("Patient")), "Bundle.entry[2]"),
                mutated("an entry with request", b -> ((ObjectNode) b.path("entry").path(0)).putObject("request")
                        .put("method", "POST").put("url", "Composition"), "Bundle.entry[0].request"),
                mutated("an entry without fullUrl", b -> ((ObjectNode) b.path("entry").path(3)).remove("fullUrl"),
                        "Bundle.entry[3].fullUrl"),
                mutated("an entry with a blank fullUrl", b -> ((ObjectNode) b.path("entry").path(4)).put("fullUrl", " "),
                        "Bundle.entry[4].fullUrl"),
                mutated("a duplicate fullUrl", b -> ((ObjectNode) b.path("entry").path(3)).put("fullUrl",
                        b.path("entry").path(2).path("fullUrl").asText()), "Bundle.entry[3].fullUrl"),
                mutated("a resource of over a million characters, within the body limit", b -> resource(b, 3)
                        .put("note", "x".repeat(520_000)).put("remark", "y".repeat(520_000)), "Bundle.entry[3].resource"),
                mutated("an entry without resource", b -> ((ObjectNode) b.path("entry").path(2)).remove("resource"),
                        "Bundle.entry[2].resource"),
                mutated("first entry not the Composition", b -> swap(b, 0, 1), "Bundle.entry[0].resource.resourceType"),
                mutated("second entry not the Task", b -> swap(b, 1, 2), "Bundle.entry[1].resource.resourceType"),
                mutated("only a Composition", b -> {
                    var entries = entries(b);
                    while (entries.size() > 1) {
                        entries.remove(1);
                    }
                }, "Bundle.entry[1]"),
                mutated("a Location entry", b -> extraEntry(b, "Location").put("name", "Ibombo"),
                        "Bundle.entry[6].resource.resourceType"),
                mutated("a DocumentReference entry", b -> extraEntry(b, "DocumentReference").put("status", "current"),
                        "Bundle.entry[6].resource.resourceType"),
                mutated("a second Composition", b -> extraEntry(b, "Composition"), "Bundle.entry[6].resource.resourceType"),
                mutated("an entry of unknown resourceType", b -> extraEntry(b, "Hospital"),
                        "Bundle.entry[6].resource.resourceType"),
                mutated("Composition type code unknown", b -> ((ObjectNode) TestBundles.composition(b).path("type")
                        .path("coding").path(0)).put("code", "marriage-notification"), "Bundle.entry[0].resource.type"),
                mutated("Composition type missing", b -> TestBundles.composition(b).remove("type"),
                        "Bundle.entry[0].resource.type"),
                mutated("Composition identifier a string", b -> TestBundles.composition(b).put("identifier", "abc"),
                        "Bundle.entry[0].resource.identifier"),
                mutated("Composition identifier value a number", b -> TestBundles.composition(b).putObject("identifier")
                        .put("value", 5), "Bundle.entry[0].resource.identifier"),
                mutated("Composition identifier an array", b -> TestBundles.composition(b).putArray("identifier")
                        .addObject().put("value", UUID.randomUUID().toString()), "Bundle.entry[0].resource.identifier"),
                mutated("Composition identifier over 200 characters", b -> ((ObjectNode) TestBundles.composition(b)
                        .path("identifier")).put("value", "x".repeat(201)), "Bundle.entry[0].resource.identifier.value"),
                mutated("Task.status not draft", b -> TestBundles.task(b).put("status", "ready"), task + ".status"),
                mutated("Task.status missing", b -> TestBundles.task(b).remove("status"), task + ".status"),
                mutated("Task.code not the composition's event", b -> ((ObjectNode) TestBundles.task(b).path("code")
                        .path("coding").path(0)).put("code", "DEATH"), task + ".code"),
                mutated("Task.focus not the composition", b -> TestBundles.task(b).putObject("focus")
                        .put("reference", b.path("entry").path(2).path("fullUrl").asText()), task + ".focus"),
                mutated("Task.focus missing", b -> TestBundles.task(b).remove("focus"), task + ".focus"),
                mutated("regLastOffice missing", b -> TestBundles.removeExtension(TestBundles.task(b),
                        TestBundles.REG_LAST_OFFICE), task + ".extension"),
                mutated("regLastOffice unknown", b -> setOffice(b, "Location/" + UUID.randomUUID()), office),
                mutated("regLastOffice a district", b -> setOffice(b, "Location/" + DISTRICT_ID), office),
                mutated("regLastOffice a health facility", b -> setOffice(b, "Location/" + FACILITY_ID), office),
                mutated("regLastOffice not a Location", b -> setOffice(b, "Practitioner/" + OFFICE_ID), office),
                mutated("regLastOffice without reference", b -> {
                    TestBundles.removeExtension(TestBundles.task(b), TestBundles.REG_LAST_OFFICE);
                    TestBundles.task(b).withArray("extension").addObject().put("url", TestBundles.REG_LAST_OFFICE)
                            .putObject("valueReference");
                }, task + ".extension"),
                mutated("regLastLocation another district", b -> setDistrict(b, "Location/" + TestBundles.ILANGA_DISTRICT_ID),
                        district),
                mutated("regLastLocation the province", b -> setDistrict(b, "Location/" + TestBundles.STATE_ID), district),
                mutated("regLastLocation unknown", b -> setDistrict(b, "Location/" + UUID.randomUUID()), district),
                mutated("regLastLocation the office itself", b -> setDistrict(b, "Location/" + OFFICE_ID), district),
                mutated("a section entry not in the bundle", b -> ((ObjectNode) section(b, 1).path("entry").path(0))
                        .put("reference", "urn:uuid:" + UUID.randomUUID()), "Bundle.entry[0].resource.section[1].entry[0]"),
                mutated("a section entry without reference", b -> ((ObjectNode) section(b, 3).path("entry").path(0))
                        .remove("reference"), "Bundle.entry[0].resource.section[3].entry[0]"),
                mutated("no subject section", b -> ((ArrayNode) TestBundles.composition(b).path("section")).remove(0),
                        "Bundle.entry[0].resource.section"),
                mutated("subject section pointing to the RelatedPerson", b -> ((ObjectNode) section(b, 0).path("entry")
                        .path(0)).put("reference", b.path("entry").path(4).path("fullUrl").asText()),
                        "Bundle.entry[0].resource.section"),
                mutated("no Encounter", b -> {
                    entries(b).remove(5);
                    ((ArrayNode) TestBundles.composition(b).path("section")).remove(3);
                }, "Bundle.entry"),
                mutated("Encounter location unknown", b -> ((ObjectNode) resource(b, 5).path("location").path(0)
                        .path("location")).put("reference", "Location/" + UUID.randomUUID()), encounter),
                mutated("Encounter at an office", b -> ((ObjectNode) resource(b, 5).path("location").path(0)
                        .path("location")).put("reference", "Location/" + OFFICE_ID), encounter),
                mutated("Encounter in a district", b -> ((ObjectNode) resource(b, 5).path("location").path(0)
                        .path("location")).put("reference", "Location/" + DISTRICT_ID), encounter),
                mutated("Encounter without location", b -> resource(b, 5).remove("location"), encounter),
                mutated("invalid gender", b -> resource(b, 2).put("gender", "boy"), "Bundle.entry[2].resource.gender"),
                mutated("gender a number", b -> resource(b, 2).put("gender", 1), "Bundle.entry[2].resource.gender"),
                mutated("birthDate not a calendar date", b -> resource(b, 2).put("birthDate", "2024-02-30"),
                        "Bundle.entry[2].resource.birthDate"),
                mutated("birthDate not a date", b -> resource(b, 2).put("birthDate", "last Tuesday"),
                        "Bundle.entry[2].resource.birthDate"),
                mutated("birthDate an object", b -> resource(b, 2).putObject("birthDate").put("year", 2024),
                        "Bundle.entry[2].resource.birthDate"),
                mutated("birthDate in the future", b -> resource(b, 2).put("birthDate",
                        TestBundles.today().plusDays(10).toString()), "Bundle.entry[2].resource.birthDate"),
                mutated("mother's birthDate in the future", b -> resource(b, 3).put("birthDate",
                        TestBundles.today().plusYears(1).toString()), "Bundle.entry[3].resource.birthDate"),
                mutated("address district unknown", b -> motherAddress(b).put("district", "nowhere"), address + ".district"),
                mutated("address district a facility", b -> motherAddress(b).put("district", FACILITY_ID), address + ".district"),
                mutated("address state unknown", b -> motherAddress(b).put("state", "nowhere"), address + ".state"),
                mutated("address district not in the state", b -> motherAddress(b).put("district",
                        TestBundles.ILANGA_DISTRICT_ID), address + ".district"),
                mutated("address country invalid", b -> motherAddress(b).put("country", "XYZ"), address + ".country"),
                mutated("address country an unassigned numeric code", b -> motherAddress(b).put("country", "999"),
                        address + ".country"),
                mutated("address line[10] unknown", b -> addressLine(b, 10, "nowhere"), address + ".line[10]"),
                mutated("address line[10] the address's own district", b -> addressLine(b, 10, DISTRICT_ID),
                        address + ".line[10]"),
                mutated("address line[10] a district of another province", b -> {
                    motherAddress(b).remove("district");
                    addressLine(b, 10, TestBundles.ILANGA_DISTRICT_ID);
                }, address + ".line[10]"),
                mutated("address line[11] unknown, line[10] blank", b -> addressLine(b, 11, "nowhere"),
                        address + ".line[11]"),
                mutated("address line[12] a health facility", b -> addressLine(b, 12, FACILITY_ID), address + ".line[12]"),
                mutated("address line[10] a number", b -> {
                    addressLine(b, 10, "");
                    ((ArrayNode) motherAddress(b).path("line")).set(10, b.numberNode(7));
                }, address + ".line[10]"),
                mutated("HAPI: extension an object", b -> TestBundles.task(b).putObject("extension").put("url", "x"),
                        "Bundle"),
                mutated("HAPI: contained resource of unknown type", b -> resource(b, 2).putArray("contained").addObject()
                        .put("resourceType", "Hospital"), "Bundle"),
                mutated("section an object", b -> {
                    var sections = TestBundles.composition(b).path("section");
                    TestBundles.composition(b).set("section", sections.get(0));
                }, "Bundle.entry[0].resource.section"),
                mutated("a section's entry an object", b -> section(b, 0).set("entry", section(b, 0).path("entry").get(0)),
                        "Bundle.entry[0].resource.section[0].entry"),
                mutated("address an object", b -> resource(b, 3).set("address", motherAddress(b)),
                        "Bundle.entry[3].resource.address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBundles")
    void notifyWhenBundleBrokenThen400OperationOutcomeNamingTheElement(Broken broken) {
        var client = health();

        var response = notify(client.bearer(), broken.body().apply(TestBundles.birth().build()));

        assertOutcome(response, broken.expression());
    }

    @Test
    void notifyWhenBrokenBundlesThenNothingStored() {
        var client = health();
        var queued = occurrencesTotal();
        var audited = notifyAuditCount();
        brokenBundles().forEach(broken ->
                assertThat(notify(client.bearer(), broken.body().apply(TestBundles.birth().build())).status()).isEqualTo(400));

        assertThat(occurrencesTotal()).isEqualTo(queued);
        assertThat(notifyAuditCount()).isEqualTo(audited);
    }

    private int notifyAuditCount() {
        return app.app().audit().list(Optional.empty(), Optional.of("record.notify"), Optional.empty(), 100_000).size();
    }

    private int occurrencesTotal() {
        return queue(staff("k.mweene"), "queue=in-progress&count=1").json().path("totalItems").asInt();
    }

    static Stream<Broken> oddButReadable() {
        return Stream.of(
                mutated("child name a string", b -> resource(b, 2).put("name", "Chanda"), ""),
                mutated("child name an array of strings", b -> resource(b, 2).putArray("name").add("Chanda"), ""),
                mutated("given name a string", b -> ((ObjectNode) resource(b, 2).path("name").path(0)).put("given", "C"), ""),
                mutated("family name a number", b -> ((ObjectNode) resource(b, 2).path("name").path(0)).put("family", 7), ""),
                mutated("telecom an object", b -> resource(b, 3).putObject("telecom").put("value", "0911111111"), ""),
                mutated("address lines numbers", b -> motherAddress(b).putArray("line").add(1).add(2), ""),
                mutated("address a string", b -> resource(b, 3).putArray("address").add("Ibombo"), ""),
                mutated("Task.identifier an object", b -> TestBundles.task(b).putObject("identifier").put("value", "x"), ""),
                mutated("Encounter.location an object", b -> resource(b, 5).set("location",
                        resource(b, 5).path("location").path(0)), ""),
                mutated("section code an array of strings", b -> section(b, 1).putArray("code").add("mother-details"), ""),
                mutated("relationship a string", b -> resource(b, 4).put("relationship", "MOTHER"), ""),
                mutated("extension valueString a number", b -> ((ArrayNode) TestBundles.task(b).path("extension"))
                        .addObject().put("url", TestBundles.EXT + "contact-person-email").put("valueString", 5), ""),
                mutated("child name 1000 characters", b -> ((ObjectNode) resource(b, 2).path("name").path(0))
                        .put("family", "M".repeat(1000)), ""),
                mutated("1000 given names", b -> {
                    var given = ((ObjectNode) resource(b, 2).path("name").path(0)).putArray("given");
                    for (int i = 0; i < 1000; i++) {
                        given.add("Chanda");
                    }
                }, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddButReadable")
    void notifyWhenJsonShapesOddButReadableThenAcceptedOrRefusedNeverAServerError(Broken odd) {
        var response = notify(health().bearer(), odd.body().apply(TestBundles.birth().build()));

        assertThat(response.status()).as(response.toString()).isIn(200, 400);
        if (response.status() == 400) {
            assertThat(response.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        } else {
            var view = view(recordId(response), staff("k.mweene"));
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
        }
    }

    private static String identifier(JsonNode resource, String system) {
        for (var identifier : resource.path("identifier")) {
            if (system.equals(identifier.path("system").asText())) {
                return identifier.path("value").asText();
            }
        }
        return null;
    }

    private static String reference(Task task, String url) {
        var extension = task.getExtensionByUrl(url);
        assertThat(extension).as(url).isNotNull();
        return ((Reference) extension.getValue()).getReference();
    }
}
