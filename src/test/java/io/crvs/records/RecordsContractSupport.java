package io.crvs.records;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.auth.ClientType;
import io.crvs.auth.IssuedClient;
import io.crvs.platform.audit.AuditEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.ProblemAssertions;
import io.crvs.testkit.Staff;
import io.crvs.testkit.TestBundles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the records contracts share: staff logins over {@code /authenticate} and {@code /verifyCode}, HEALTH
 * clients, the records routes, and assertions on problem details and FHIR OperationOutcomes.
 */
abstract class RecordsContractSupport extends AppContract {
    static final String TRACKING_ID = "^[BD][A-Z0-9]{6}$";
    static final String FHIR_JSON = "application/fhir+json";
    private static volatile FhirContext fhir;

    private final Map<String, String> staffBearers = new ConcurrentHashMap<>();

    /** An integration client and its bearer header value. */
    record Client(IssuedClient issued, String bearer) {
        String name() {
            return issued.client().name();
        }

        String clientId() {
            return issued.client().clientId();
        }
    }

    /** A new client of that type, with a token from {@code POST /token}. */
    Client client(ClientType type) {
        var issued = app.createClient(type);
        return new Client(issued, Http.bearer(app.token(issued)));
    }

    Client health() {
        return client(ClientType.HEALTH);
    }

    /** {@code Authorization} value for a seeded user (password {@code test}, development code 000000), cached. */
    String staff(String username) {
        return staffBearers.computeIfAbsent(username, this::login);
    }

    private String login(String username) {
        return Http.bearer(Staff.login(http(), username, Staff.SEED_PASSWORD));
    }

    Response notify(String bearer, JsonNode bundle) {
        return notify(bearer, TestBundles.json(bundle));
    }

    Response notify(String bearer, String body) {
        return http().send("POST", "/notification", body, "Authorization", bearer, "Content-Type", "application/json");
    }

    /** Posts a notification that must succeed; returns the record id. */
    String notifyOk(String bearer, JsonNode bundle) {
        var response = notify(bearer, bundle);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return recordId(response);
    }

    /** The record id: path segment 3 of {@code entry[0].response.location}, as OpenCRVS clients read it. */
    static String recordId(Response notification) {
        var location = notification.json().path("entry").path(0).path("response").path("location").asText();
        assertThat(location).as(notification.toString()).matches("^/fhir/Composition/[0-9a-f-]{36}/_history/\\d+$");
        return location.split("/")[3];
    }

    Response declare(String bearer, JsonNode bundle) {
        return http().send("POST", "/records", TestBundles.json(bundle), "Authorization", bearer,
                "Content-Type", "application/json");
    }

    Response view(String id, String bearer, String... headers) {
        return http().get("/records/" + id, concat(headers, "Authorization", bearer));
    }

    Response history(String id, String bearer) {
        return http().get("/records/" + id + "/history", "Authorization", bearer);
    }

    /** {@code POST /records/{id}/<action>} with an optional JSON body and extra headers. */
    Response act(String id, String action, String bearer, Map<String, ?> body, String... headers) {
        var all = concat(headers, "Authorization", bearer);
        if (body == null) {
            return http().send("POST", "/records/" + id + "/" + action, null, all);
        }
        return http().send("POST", "/records/" + id + "/" + action, Http.json(body),
                concat(all, "Content-Type", "application/json"));
    }

    Response act(String id, String action, String bearer) {
        return act(id, action, bearer, null);
    }

    /** A PUT of the whole declaration; {@code If-Match: *} (overwrite any version) unless {@code headers} name one. */
    Response update(String id, String bearer, JsonNode bundle, String... headers) {
        var all = Arrays.asList(headers).contains("If-Match") ? headers : concat(headers, "If-Match", "*");
        return updateWithHeaders(id, bearer, bundle, all);
    }

    Response updateWithHeaders(String id, String bearer, JsonNode bundle, String... headers) {
        return http().send("PUT", "/records/" + id, TestBundles.json(bundle),
                concat(concat(headers, "Authorization", bearer), "Content-Type", "application/json"));
    }

    Response queue(String bearer, String query) {
        return http().get("/records?" + query, "Authorization", bearer);
    }

    /** The ids of a queue page's results. */
    static List<String> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    /** The actions of a record's history, in order. */
    static List<String> actions(Response history) {
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        var actions = new ArrayList<String>();
        history.json().forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    static void assertProblem(Response response, int status, String code) {
        ProblemAssertions.assertProblem(response, status, code);
    }

    /** A 400 FHIR OperationOutcome whose first issue names {@code expression}. */
    static void assertOutcome(Response response, String expression) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith(FHIR_JSON);
        var body = response.json();
        assertThat(body.path("resourceType").asText()).as(response.toString()).isEqualTo("OperationOutcome");
        var issue = body.path("issue").path(0);
        assertThat(issue.path("severity").asText()).isEqualTo("error");
        assertThat(issue.path("code").asText()).isIn("invalid", "required", "structure", "value");
        assertThat(issue.path("diagnostics").asText()).isNotBlank();
        assertThat(issue.path("expression").path(0).asText()).as(response.toString()).isEqualTo(expression);
    }

    /**
     * Waits past UTC midnight when it is seconds away, so that "N days ago", computed by the test, is still N days
     * when the server judges the registration period (a guard against a date change mid-test, not a timing check).
     */
    static void awayFromMidnight() {
        var now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        var margin = java.time.LocalTime.of(23, 59, 30);
        if (now.isAfter(margin)) {
            try {
                Thread.sleep(java.time.Duration.between(now, java.time.LocalTime.MAX).toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<AuditEntry> audit(String subject, String action) {
        return app.app().audit().list(Optional.of(subject), Optional.of(action), Optional.empty(), 100);
    }

    static JsonNode json(String text) {
        return TestBundles.parse(text);
    }

    static FhirContext fhir() {
        var current = fhir;
        if (current == null) {
            synchronized (RecordsContractSupport.class) {
                if (fhir == null) {
                    fhir = FhirContext.forR4();
                }
                current = fhir;
            }
        }
        return current;
    }

    /** HAPI's parser as OpenCRVS content needs it: unknown elements and invalid values (its samples') tolerated. */
    static IParser tolerantParser() {
        return fhir().newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
    }

    /** HAPI's parser refusing anything that is not valid FHIR R4. */
    static IParser strictParser() {
        return fhir().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    static String[] concat(String[] headers, String... more) {
        var all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
