package io.crvs.integrations;

import static io.crvs.testkit.ProblemAssertions.assertFieldError;
import static io.crvs.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.auth.ClientType;
import io.crvs.auth.Scopes;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.audit.AuditEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.Concurrently;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integration-client admin API ({@code /integrations}) for National System Administrators, over real HTTP:
 * creation and its validation, listing without secrets, reveal, secret refresh, deactivation, deletion, who may
 * call it, and the audit trail each operation leaves.
 */
public abstract class IntegrationsApiContract extends AppContract {
    private static final List<String> ISSUED_KEYS = List.of("id", "client_id", "client_secret", "sha_secret", "type",
            "name", "scope", "status");

    /** Every secret this class has been shown, to prove none reaches the audit log. */
    private final List<String> secretsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private String adminId() {
        return app.userId("j.campbell");
    }

    private String admin() {
        return Http.bearer(app.userToken(adminId(), List.of(Scopes.SYSADMIN, Scopes.NATLSYSADMIN)));
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response create(Object body) {
        return http().postJson("/integrations", body, "Authorization", admin());
    }

    private Response createOk(Map<String, Object> body) {
        var response = create(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        secretsSeen.add(response.json().get("client_secret").asText());
        secretsSeen.add(response.json().get("sha_secret").asText());
        return response;
    }

    private Response post(String path) {
        var response = http().send("POST", path, null, "Authorization", admin());
        if (response.status() == 200 && response.body().contains("secret")) {
            response.json().properties().forEach(e -> {
                if (e.getKey().endsWith("secret")) {
                    secretsSeen.add(e.getValue().asText());
                }
            });
        }
        return response;
    }

    private Response get(String path) {
        return http().get(path, "Authorization", admin());
    }

    private Response token(String clientId, String secret) {
        return ClientTokens.request(http(), clientId, secret);
    }

    private static List<String> keys(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<AuditEntry> audit(String subject) {
        return app.app().audit().list(Optional.of(subject), Optional.empty(), Optional.empty(), 100);
    }

    @Test
    void createWhenHealthThen201WithLocationOrderedKeysAndWorkingSecret() {
        var name = unique("Ibombo District Hospital");
        var response = createOk(Map.of("type", "HEALTH", "name", name));
        var body = response.json();
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.header("Location")).hasValue("/integrations/" + body.get("id").asText());
        assertThat(keys(body).subList(0, ISSUED_KEYS.size())).containsExactlyElementsOf(ISSUED_KEYS);
        assertThat(body.get("id").asText()).matches("[0-9a-f]{24}");
        assertThat(body.get("client_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("client_secret").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.get("sha_secret").asText()).hasSizeGreaterThanOrEqualTo(43)
                .isNotEqualTo(body.get("client_secret").asText());
        assertThat(body.get("type").asText()).isEqualTo("HEALTH");
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("scope").toString()).isEqualTo("[\"declare\",\"notification-api\"]");
        assertThat(body.get("status").asText()).isEqualTo("active");
        var token = token(body.get("client_id").asText(), body.get("client_secret").asText());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().get("scope").asText()).isEqualTo("declare notification-api");
    }

    @Test
    void createWhenNameDiffersOnlyInCaseOrSpacesThen409ClientNameTaken() {
        var name = unique("Chipata General Hospital");
        createOk(Map.of("type", "HEALTH", "name", name));
        var variant = "  " + name.toUpperCase().replace(" ", "   ") + " ";
        assertProblem(create(Map.of("type", "RECORD_SEARCH", "name", variant)), 409, "client_name_taken");
        assertProblem(create(Map.of("type", "HEALTH", "name", name)), 409, "client_name_taken");
    }

    @Test
    void createWhenSecondNationalIdThen409ClientTypeExists() {
        var registry = app.app().auth().clients();
        registry.list().stream().filter(c -> c.type() == ClientType.NATIONAL_ID)
                .forEach(c -> registry.delete(c.id(), Actor.system("test")));
        var first = createOk(Map.of("type", "NATIONAL_ID", "name", unique("MOSIP"), "integratingSystemType", "MOSIP"));
        assertThat(first.json().get("scope").toString()).isEqualTo("[\"nationalId\"]");
        assertThat(first.json().get("integrating_system_type").asText()).isEqualTo("MOSIP");
        assertProblem(create(Map.of("type", "NATIONAL_ID", "name", unique("Other ID"))), 409, "client_type_exists");
    }

    @Test
    void createWhenTypeUnknownOrMissingThen400NamingType() {
        assertFieldError(create(Map.of("type", "EXTERNAL_VALIDATION", "name", unique("Validator"))), "type");
        assertFieldError(create(Map.of("type", "", "name", unique("Blank type"))), "type");
        assertFieldError(create(Map.of("name", unique("No type"))), "type");
        assertFieldError(create(Map.of("type", Map.of("x", 1), "name", unique("Object type"))), "type");
    }

    @Test
    void createWhenNameMissingBlankTooLongOrControlThen400NamingName() {
        assertFieldError(create(Map.of("type", "HEALTH")), "name");
        assertFieldError(create(Map.of("type", "HEALTH", "name", "   ")), "name");
        assertFieldError(create(Map.of("type", "HEALTH", "name", "n".repeat(101))), "name");
        assertFieldError(create(Map.of("type", "HEALTH", "name", "line\nbreak " + UUID.randomUUID())), "name");
        var longest = "m".repeat(92) + UUID.randomUUID().toString().substring(0, 8);
        assertThat(longest).hasSize(100);
        assertThat(createOk(Map.of("type", "HEALTH", "name", longest)).json().get("name").asText()).isEqualTo(longest);
    }

    @Test
    void createWhenServerDecidedOrUnknownFieldSentThen400NamingIt() {
        for (var field : List.of("scope", "status", "client_id", "client_secret", "sha_secret", "id", "createdBy")) {
            var body = new LinkedHashMap<String, Object>();
            body.put("type", "HEALTH");
            body.put("name", unique("Mass assignment"));
            body.put(field, field.equals("scope") ? List.of("natlsysadmin") : "x");
            assertFieldError(create(body), field);
        }
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().startsWith("Mass assignment"));
    }

    @Test
    void createWhenNotJsonContentTypeThen415() {
        var form = http().send("POST", "/integrations", "type=HEALTH&name=x", "Authorization", admin(),
                "Content-Type", "application/x-www-form-urlencoded");
        assertProblem(form, 415, "unsupported_media_type");
        var none = http().send("POST", "/integrations", "{\"type\":\"HEALTH\",\"name\":\"x\"}", "Authorization", admin());
        assertProblem(none, 415, "unsupported_media_type");
    }

    @Test
    void actionsWithoutFieldsWhenBodyIsNotEmptyObjectThenRefusedAndNothingHappens() {
        var id = createOk(Map.of("type", "HEALTH", "name", unique("Bodies"))).json().get("id").asText();
        var admin = admin();
        for (var action : List.of("reveal", "refresh-secret", "deactivate", "enable")) {
            var path = "/integrations/" + id + "/" + action;
            assertProblem(http().send("POST", path, "{bad", "Authorization", admin, "Content-Type", "application/json"),
                    400, "malformed_json");
            assertThat(http().send("POST", path, "[]", "Authorization", admin, "Content-Type", "application/json").status())
                    .as(action + " with an array").isEqualTo(400);
            assertThat(http().send("POST", path, "{\"x\":1}", "Authorization", admin, "Content-Type", "application/json")
                    .status()).as(action + " with an unknown field").isEqualTo(400);
            assertProblem(http().send("POST", path, "x=1", "Authorization", admin, "Content-Type", "text/plain"),
                    415, "unsupported_media_type");
        }
        assertThat(http().send("DELETE", "/integrations/" + id, "{bad", "Authorization", admin, "Content-Type",
                "application/json").status()).isEqualTo(400);
        var client = get("/integrations/" + id).json();
        assertThat(client.get("status").asText()).as("nothing happened").isEqualTo("active");
        assertThat(audit(id).stream().filter(e -> e.outcome().equals("success")).map(AuditEntry::action))
                .doesNotContain("client.secret_refreshed", "client.deactivated", "client.deleted");
        var emptyObject = http().send("POST", "/integrations/" + id + "/deactivate", "{}", "Authorization", admin,
                "Content-Type", "application/json");
        assertThat(emptyObject.status()).as(emptyObject.toString()).isEqualTo(200);
    }

    @Test
    void createWhenMalformedJsonThen400MalformedJson() {
        for (var body : List.of("{\"type\":\"HEALTH\",", "{type: HEALTH}", "{\"type\":\"HEALTH\",\"name\":\"a\"} trailing",
                "{\"type\":\"HEALTH\",\"name\":\"a\"}{}")) {
            assertProblem(create(body), 400, "malformed_json");
        }
    }

    @Test
    void createWhenBodyIsAnyOddJsonThenClientErrorNeverServerError() {
        var odd = List.of("null", "[]", "\"HEALTH\"", "42", "true", "{}", "{\"type\":null,\"name\":null}",
                "{\"type\":[\"HEALTH\"],\"name\":\"a\"}", "{\"type\":\"HEALTH\",\"name\":{}}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 1\",\"settings\":[]}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 3\",\"settings\":{\"dailyQuota\":\"many\"}}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 4\",\"settings\":{\"dailyQuota\":1e400}}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 5\",\"settings\":{\"webhook\":[null]}}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 6\",\"settings\":{\"webhook\":[{\"event\":\"birth\",\"permissions\":[null]}]}}",
                "{\"type\":\"WEBHOOK\",\"name\":\"odd 7\",\"settings\":{\"webhook\":{\"event\":\"birth\"}}}",
                "{\"type\":\"NATIONAL_ID\",\"name\":\"odd 8\",\"integratingSystemType\":\"   \"}",
                "");
        for (var body : odd) {
            var response = http().send("POST", "/integrations", body, "Authorization", admin(),
                    "Content-Type", "application/json");
            assertThat(response.status()).as(body + " -> " + response).isBetween(400, 499);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    /** A 400 naming {@code field} with {@code message}. */
    private static void assertFieldMessage(Response response, String field, String message) {
        assertFieldError(response, field);
        var messages = new ArrayList<String>();
        response.json().get("errors").forEach(e -> {
            if (e.get("field").asText().equals(field)) {
                messages.add(e.get("message").asText());
            }
        });
        assertThat(messages).as(response.toString()).anySatisfy(m -> assertThat(m).contains(message));
    }

    @Test
    void createWhenNameOrQuotaHasTheWrongJsonTypeThen400SayingWhatItMustBe() {
        assertFieldMessage(create("{\"type\":\"HEALTH\",\"name\":5}"), "name", "must be a string");
        assertFieldMessage(create("{\"type\":\"HEALTH\",\"name\":true}"), "name", "must be a string");
        var fraction = Map.of("type", "RECORD_SEARCH", "name", unique("Fraction"),
                "settings", Map.of("dailyQuota", 1.5, "webhook", List.of()));
        assertFieldMessage(create(fraction), "settings.dailyQuota", "must be a whole number");
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().equals("5") || c.name().startsWith("Fraction"));
    }

    @Test
    void createWhenTypeIsNotExactlyUpperCaseThen400ListingTheTypes() {
        for (var type : List.of("health", "Health", " HEALTH")) {
            assertFieldMessage(create(Map.of("type", type, "name", unique("Case"))), "type",
                    "must be one of HEALTH, NATIONAL_ID, RECORD_SEARCH, WEBHOOK");
        }
    }

    @Test
    void createWhenNameHoldsALoneSurrogateThen400() {
        var name = "Clinic " + UUID.randomUUID();
        for (var escape : List.of("\\ud800", "\\udc00", "\\udc00\\ud800")) {
            assertFieldError(create("{\"type\":\"HEALTH\",\"name\":\"" + name + " " + escape + "\"}"), "name");
        }
        var pair = createOk(Map.of("type", "HEALTH", "name", name + " \ud83d\ude00")).json();
        assertThat(pair.get("name").asText()).isEqualTo(name + " \ud83d\ude00");
    }

    @Test
    void createWhenWebhookSettingsLeaveDailyQuotaOutOrNullThenAcceptedWithOpenCrvsDefault0() {
        var webhook = List.of(Map.of("event", "birth", "permissions", List.of("child-details")));
        var absent = createOk(Map.of("type", "WEBHOOK", "name", unique("No quota"), "settings", Map.of("webhook", webhook)));
        assertThat(absent.json().get("settings").toString())
                .isEqualTo("{\"dailyQuota\":0,\"webhook\":[{\"event\":\"birth\",\"permissions\":[\"child-details\"]}]}");
        var nullQuota = create("{\"type\":\"WEBHOOK\",\"name\":\"" + unique("Null quota") + "\",\"settings\":{\"dailyQuota\":null}}");
        assertThat(nullQuota.status()).as(nullQuota.toString()).isEqualTo(201);
        assertThat(nullQuota.json().get("settings").get("dailyQuota").asInt()).isZero();
    }

    @Test
    void createWhenWebhookSettingsValidThenAcceptedAndEchoed() {
        var settings = Map.of("dailyQuota", 0,
                "webhook", List.of(Map.of("event", "birth", "permissions", List.of("child-details"))));
        var body = createOk(Map.of("type", "WEBHOOK", "name", unique("Webhook"), "settings", settings)).json();
        assertThat(body.get("scope").toString()).isEqualTo("[\"webhook\"]");
        assertThat(body.get("settings").toString())
                .isEqualTo("{\"dailyQuota\":0,\"webhook\":[{\"event\":\"birth\",\"permissions\":[\"child-details\"]}]}");
        var shown = get("/integrations/" + body.get("id").asText()).json();
        assertThat(shown.get("settings")).isEqualTo(body.get("settings"));
    }

    @Test
    void createWhenWebhookEventOrPermissionUnknownThen400NamingField() {
        var badEvent = Map.of("dailyQuota", 0,
                "webhook", List.of(Map.of("event", "marriage", "permissions", List.of("child-details"))));
        assertFieldError(create(Map.of("type", "WEBHOOK", "name", unique("Bad event"), "settings", badEvent)),
                "settings.webhook[0].event");
        var badPermission = Map.of("dailyQuota", 0, "webhook", List.of(
                Map.of("event", "birth", "permissions", List.of("child-details")),
                Map.of("event", "death", "permissions", List.of("child-details"))));
        assertFieldError(create(Map.of("type", "WEBHOOK", "name", unique("Bad permission"), "settings", badPermission)),
                "settings.webhook[1].permissions");
        var twice = Map.of("dailyQuota", 0, "webhook", List.of(Map.of("event", "birth"), Map.of("event", "birth")));
        assertFieldError(create(Map.of("type", "WEBHOOK", "name", unique("Twice"), "settings", twice)),
                "settings.webhook[1].event");
        var negative = Map.of("dailyQuota", -1, "webhook", List.of());
        assertFieldError(create(Map.of("type", "RECORD_SEARCH", "name", unique("Negative"), "settings", negative)),
                "settings.dailyQuota");
    }

    @Test
    void createWhenRecordSearchWithoutSettingsThenDefaultDailyQuota2000() {
        var body = createOk(Map.of("type", "RECORD_SEARCH", "name", unique("Search"))).json();
        assertThat(body.get("scope").toString()).isEqualTo("[\"recordsearch\"]");
        assertThat(body.get("settings").get("dailyQuota").asInt()).isEqualTo(2000);
        assertThat(body.get("settings").get("webhook").size()).isZero();
    }

    @Test
    void listAndShowWhenClientExistsThenFoundByIdAndClientIdWithoutSecrets() {
        var created = createOk(Map.of("type", "WEBHOOK", "name", unique("Listed"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var secret = created.get("client_secret").asText();
        var sha = created.get("sha_secret").asText();

        var list = get("/integrations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        var listed = new ArrayList<JsonNode>();
        list.json().forEach(c -> {
            if (c.get("id").asText().equals(id)) {
                listed.add(c);
            }
        });
        assertThat(listed).hasSize(1);
        assertThat(keys(listed.getFirst()).subList(0, 6))
                .containsExactly("id", "client_id", "type", "name", "scope", "status");

        var byId = get("/integrations/" + id);
        var byClientId = get("/integrations/" + clientId);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byClientId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(byClientId.json()).isEqualTo(listed.getFirst());
        for (var response : List.of(list, byId, byClientId)) {
            assertThat(response.body()).doesNotContain(secret).doesNotContain(sha)
                    .doesNotContain("client_secret").doesNotContain("sha_secret").doesNotContain("secret_hash")
                    .doesNotContain("salt");
        }
    }

    @Test
    void showWhenJustCreatedThenSameFieldsAsTheCreationResponseMinusSecrets() {
        var created = createOk(Map.of("type", "RECORD_SEARCH", "name", unique("Same view"))).map();
        created.remove("client_secret");
        created.remove("sha_secret");
        var shown = get("/integrations/" + created.get("id")).map();
        assertThat(shown).isEqualTo(created);
        assertThat(List.copyOf(shown.keySet())).containsExactlyElementsOf(created.keySet());
    }

    @Test
    void showWhenUnknownThen404ClientNotFoundForEveryOperation() {
        var unknown = "0123456789abcdef01234567";
        assertProblem(get("/integrations/" + unknown), 404, "client_not_found");
        assertProblem(get("/integrations/" + UUID.randomUUID()), 404, "client_not_found");
        for (var op : List.of("reveal", "refresh-secret", "deactivate", "enable")) {
            assertProblem(post("/integrations/" + unknown + "/" + op), 404, "client_not_found");
        }
        assertProblem(http().send("DELETE", "/integrations/" + unknown, null, "Authorization", admin()), 404,
                "client_not_found");
    }

    @Test
    void revealWhenCalledThenIdClientIdAndCreationShaSecretOnly() {
        var created = createOk(Map.of("type", "WEBHOOK", "name", unique("Reveal"))).json();
        for (var ref : List.of(created.get("id").asText(), created.get("client_id").asText())) {
            var revealed = post("/integrations/" + ref + "/reveal");
            assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
            assertThat(keys(revealed.json())).containsExactly("id", "client_id", "sha_secret");
            assertThat(revealed.json().get("id").asText()).isEqualTo(created.get("id").asText());
            assertThat(revealed.json().get("client_id").asText()).isEqualTo(created.get("client_id").asText());
            assertThat(revealed.json().get("sha_secret").asText()).isEqualTo(created.get("sha_secret").asText());
            assertThat(revealed.body()).doesNotContain(created.get("client_secret").asText());
        }
    }

    @Test
    void refreshSecretWhenCalledThenNewSecretWorksOldRefusedShaUnchanged() {
        var created = createOk(Map.of("type", "HEALTH", "name", unique("Refresh"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var oldSecret = created.get("client_secret").asText();
        var oldToken = token(clientId, oldSecret).json().get("access_token").asText();

        var refreshed = post("/integrations/" + id + "/refresh-secret");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        var newSecret = refreshed.json().get("client_secret").asText();
        assertThat(newSecret).isNotBlank().isNotEqualTo(oldSecret);
        assertThat(refreshed.json().get("client_id").asText()).isEqualTo(clientId);
        assertThat(refreshed.json().get("id").asText()).isEqualTo(id);

        var refused = token(clientId, oldSecret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(http().get("/whoami", "Authorization", Http.bearer(oldToken)).status()).isEqualTo(401);
        var fresh = token(clientId, newSecret);
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(http().get("/whoami", "Authorization", Http.bearer(fresh.json().get("access_token").asText()))
                .status()).isEqualTo(200);
        assertThat(post("/integrations/" + id + "/reveal").json().get("sha_secret").asText())
                .isEqualTo(created.get("sha_secret").asText());
    }

    @Test
    void responsesWhenTheyCarryASecretThenNoStoreAndPragmaNoCache() {
        var created = createOk(Map.of("type", "WEBHOOK", "name", unique("Not cached")));
        var id = created.json().get("id").asText();
        for (var response : List.of(created, post("/integrations/" + id + "/refresh-secret"),
                post("/integrations/" + id + "/reveal"))) {
            assertThat(response.status()).as(response.toString()).isBetween(200, 201);
            assertThat(response.header("Cache-Control")).as(response.toString()).hasValue("no-store");
            assertThat(response.header("Pragma")).as(response.toString()).hasValue("no-cache");
        }
    }

    @Test
    void deactivateAndEnableWhenCalledThenTokenRefusedThenIssuedAgainIdempotently() {
        var created = createOk(Map.of("type", "HEALTH", "name", unique("Toggle"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var secret = created.get("client_secret").asText();

        var deactivated = post("/integrations/" + id + "/deactivate");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("status").asText()).isEqualTo("deactivated");
        assertThat(deactivated.body()).doesNotContain(secret);
        var again = post("/integrations/" + clientId + "/deactivate");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("deactivated");
        assertThat(get("/integrations/" + id).json().get("status").asText()).isEqualTo("deactivated");
        var refused = token(clientId, secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_client");

        var enabled = post("/integrations/" + id + "/enable");
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().get("status").asText()).isEqualTo("active");
        var issued = token(clientId, secret);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(http().get("/whoami", "Authorization", Http.bearer(issued.json().get("access_token").asText()))
                .status()).isEqualTo(200);
        assertThat(post("/integrations/" + id + "/enable").json().get("status").asText()).isEqualTo("active");
    }

    /** A token just issued: usable at once, stamped no later than now, living the configured 600 s. */
    private String assertFreshToken(String clientId, String secret) {
        var issued = token(clientId, secret);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("expires_in").asLong()).isEqualTo(600);
        var token = issued.json().get("access_token").asText();
        var claims = Jwt.claims(token);
        assertThat(claims.get("iat").asLong()).as("iat").isLessThanOrEqualTo(app.clock().instant().getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        var whoami = http().get("/whoami", "Authorization", Http.bearer(token));
        assertThat(whoami.status()).as(whoami.toString()).isEqualTo(200);
        // A second may pass between issuing and asking.
        assertThat(whoami.json().get("expires_in").asLong()).isBetween(599L, 600L);
        return token;
    }

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    @Test
    void refreshSecretWhenRepeatedBackToBackThenEachEarlierTokenRefusedAndEachNewOneCurrentAtOnce() {
        var created = createOk(Map.of("type", "HEALTH", "name", unique("Rapid refresh"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var token = assertFreshToken(clientId, created.get("client_secret").asText());
        // Twenty refreshes take well under a few seconds: most tokens share their issue second with a refresh.
        for (int i = 1; i <= 20; i++) {
            var refreshed = post("/integrations/" + id + "/refresh-secret");
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            assertThat(whoami(token)).as("a token issued before refresh " + i).isEqualTo(401);
            token = assertFreshToken(clientId, refreshed.json().get("client_secret").asText());
        }
    }

    @Test
    void deactivateAndEnableWhenRepeatedBackToBackThenEachEarlierTokenRefusedAndEachNewOneCurrentAtOnce() {
        var created = createOk(Map.of("type", "RECORD_SEARCH", "name", unique("Rapid toggle"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var secret = created.get("client_secret").asText();
        var token = assertFreshToken(clientId, secret);
        for (int i = 1; i <= 20; i++) {
            assertThat(post("/integrations/" + id + "/deactivate").status()).isEqualTo(200);
            assertThat(post("/integrations/" + id + "/enable").status()).isEqualTo(200);
            assertThat(whoami(token)).as("a token issued before deactivation " + i).isEqualTo(401);
            token = assertFreshToken(clientId, secret);
        }
    }

    @Test
    void deleteWhenCalledThen200ThenGoneAndSecretRefused() {
        var created = createOk(Map.of("type", "RECORD_SEARCH", "name", unique("Delete"))).json();
        var id = created.get("id").asText();
        var clientId = created.get("client_id").asText();
        var secret = created.get("client_secret").asText();
        var token = token(clientId, secret).json().get("access_token").asText();

        var deleted = http().send("DELETE", "/integrations/" + id, null, "Authorization", admin());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertThat(deleted.body()).doesNotContain(secret);
        assertProblem(get("/integrations/" + id), 404, "client_not_found");
        assertProblem(http().send("DELETE", "/integrations/" + id, null, "Authorization", admin()), 404,
                "client_not_found");
        assertThat(token(clientId, secret).status()).isEqualTo(401);
        assertThat(http().get("/whoami", "Authorization", Http.bearer(token)).status()).isEqualTo(401);
        assertThat(get("/integrations").body()).doesNotContain(id);
    }

    @Test
    void everyRouteWhenNoTokenThen401() {
        var id = app.createClient(ClientType.HEALTH).client().id();
        var requests = List.of(
                http().get("/integrations"),
                http().get("/integrations/" + id),
                http().postJson("/integrations", Map.of("type", "HEALTH", "name", unique("Anonymous"))),
                http().send("POST", "/integrations/" + id + "/reveal", null),
                http().send("POST", "/integrations/" + id + "/refresh-secret", null),
                http().send("POST", "/integrations/" + id + "/deactivate", null),
                http().send("POST", "/integrations/" + id + "/enable", null),
                http().send("DELETE", "/integrations/" + id, null),
                http().get("/integrations", "Authorization", "Bearer not.a.token"));
        for (var response : requests) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertThat(response.body()).doesNotContain("sha_secret").doesNotContain("client_secret");
        }
        assertThat(app.app().auth().clients().get(id).isActive()).isTrue();
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().startsWith("Anonymous"));
    }

    @Test
    void everyRouteWhenClientTokenOrPlainSysadminThen403InsufficientScope() {
        var target = app.createClient(ClientType.HEALTH);
        var id = target.client().id();
        var healthToken = Http.bearer(app.token(app.createClient(ClientType.HEALTH)));
        var sysadmin = Http.bearer(app.userToken(app.userId("e.mayuka"), List.of(Scopes.SYSADMIN)));
        for (var auth : List.of(healthToken, sysadmin)) {
            var responses = List.of(
                    http().get("/integrations", "Authorization", auth),
                    http().get("/integrations/" + id, "Authorization", auth),
                    http().postJson("/integrations", Map.of("type", "HEALTH", "name", unique("Forbidden")),
                            "Authorization", auth),
                    http().send("POST", "/integrations/" + id + "/reveal", null, "Authorization", auth),
                    http().send("POST", "/integrations/" + id + "/refresh-secret", null, "Authorization", auth),
                    http().send("POST", "/integrations/" + id + "/deactivate", null, "Authorization", auth),
                    http().send("DELETE", "/integrations/" + id, null, "Authorization", auth));
            for (var response : responses) {
                assertProblem(response, 403, "insufficient_scope");
                assertThat(response.header("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
            }
        }
        assertThat(app.app().auth().clients().get(id).isActive()).isTrue();
        assertThat(token(target.client().clientId(), target.clientSecret()).status()).isEqualTo(200);
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().startsWith("Forbidden"));
    }

    @Test
    void everyRouteWhenAdminTokenLacksUserMgntAudienceOrExpiredThen401InvalidToken() {
        var issuer = app.app().auth().tokenIssuer();
        var scopes = List.of(Scopes.SYSADMIN, Scopes.NATLSYSADMIN);
        var gatewayOnly = issuer.issue(adminId(), Optional.empty(), scopes, List.of("opencrvs:gateway-user"),
                java.time.Duration.ofHours(1), 0).token();
        var wrongAudience = http().get("/integrations", "Authorization", Http.bearer(gatewayOnly));
        assertProblem(wrongAudience, 401, "invalid_token");
        assertThat(wrongAudience.body()).doesNotContain("client_id");
        var shortLived = issuer.issue(adminId(), Optional.empty(), scopes, issuer.audiences(scopes),
                java.time.Duration.ofSeconds(5), 0).token();
        assertThat(http().get("/integrations", "Authorization", Http.bearer(shortLived)).status()).isEqualTo(200);
        app.clock().advance(java.time.Duration.ofMinutes(2));
        var expired = http().postJson("/integrations", Map.of("type", "HEALTH", "name", unique("Expired admin")),
                "Authorization", Http.bearer(shortLived));
        assertProblem(expired, 401, "invalid_token");
        assertThat(app.app().auth().clients().list()).noneMatch(c -> c.name().startsWith("Expired admin"));
    }

    @Test
    void createWhenBodyLargerThanServerLimitThen413ProblemNotServerError() {
        var huge = "{\"type\":\"HEALTH\",\"name\":\"" + "x".repeat(2_000_000) + "\"}";
        var response = http().send("POST", "/integrations", huge, "Authorization", admin(), "Content-Type", "application/json");
        assertThat(response.status()).as(response.toString().substring(0, Math.min(300, response.toString().length())))
                .isEqualTo(413);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void createWhenSameNameRacesThenExactlyOneCreatedOthersConflict() throws Exception {
        var name = unique("Race");
        var auth = admin();
        var tasks = new ArrayList<java.util.concurrent.Callable<Response>>();
        for (int i = 0; i < 12; i++) {
            var variant = i % 2 == 0 ? name : name.toUpperCase();
            tasks.add(() -> http().postJson("/integrations", Map.of("type", "HEALTH", "name", variant), "Authorization", auth));
        }
        var responses = Concurrently.run(tasks);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(11)
                .allSatisfy(r -> assertProblem(r, 409, "client_name_taken"));
        assertThat(app.app().auth().clients().list()).filteredOn(c -> c.name().equalsIgnoreCase(name)).hasSize(1);
    }

    @Test
    void createWhenNationalIdRacesThenExactlyOneCreatedOthersConflict() throws Exception {
        var registry = app.app().auth().clients();
        registry.list().stream().filter(c -> c.type() == ClientType.NATIONAL_ID)
                .forEach(c -> registry.delete(c.id(), Actor.system("test")));
        var auth = admin();
        var tasks = new ArrayList<java.util.concurrent.Callable<Response>>();
        for (int i = 0; i < 8; i++) {
            var name = unique("National ID race");
            tasks.add(() -> http().postJson("/integrations", Map.of("type", "NATIONAL_ID", "name", name), "Authorization", auth));
        }
        var responses = Concurrently.run(tasks);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(7)
                .allSatisfy(r -> assertProblem(r, 409, "client_type_exists"));
        assertThat(registry.list()).filteredOn(c -> c.type() == ClientType.NATIONAL_ID).hasSize(1);
    }

    @Test
    void createWhenNameOfDeletedClientReusedThenAccepted() {
        var name = unique("Reused");
        var first = createOk(Map.of("type", "HEALTH", "name", name)).json();
        assertThat(http().send("DELETE", "/integrations/" + first.get("id").asText(), null, "Authorization", admin())
                .status()).isEqualTo(200);
        var second = createOk(Map.of("type", "HEALTH", "name", name)).json();
        assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(second.get("client_id").asText()).isNotEqualTo(first.get("client_id").asText());
        assertThat(token(first.get("client_id").asText(), first.get("client_secret").asText()).status()).isEqualTo(401);
    }

    @Test
    void everyOperationWhenDoneThenAuditedWithAdminAsActorAndNoSecretInAudit() {
        var created = createOk(Map.of("type", "WEBHOOK", "name", unique("Audited"))).json();
        var id = created.get("id").asText();
        var refreshed = post("/integrations/" + id + "/refresh-secret").json();
        post("/integrations/" + id + "/reveal");
        post("/integrations/" + id + "/deactivate");
        post("/integrations/" + id + "/enable");
        assertThat(http().send("DELETE", "/integrations/" + id, null, "Authorization", admin()).status()).isEqualTo(200);

        var entries = audit(id);
        var actions = entries.stream().map(AuditEntry::action).toList();
        assertThat(actions).containsExactly("client.deleted", "client.enabled", "client.deactivated",
                "client.keys_revealed", "client.secret_refreshed", "client.created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(adminId());
            assertThat(e.actorType()).isEqualTo("user");
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.subjectType()).isEqualTo("integration_client");
            assertThat(e.ip()).isEqualTo("127.0.0.1");
            assertThat(e.requestId()).isNotBlank();
        });
        var everything = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 1000).toString();
        assertThat(secretsSeen).contains(created.get("client_secret").asText(), created.get("sha_secret").asText(),
                refreshed.get("client_secret").asText());
        for (var secret : secretsSeen) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    /** A request with its own request id, and the audit entries it left. */
    private record Attempt(Response response, List<AuditEntry> audit) {
        AuditEntry only() {
            assertThat(audit).as(response.toString()).hasSize(1);
            return audit.getFirst();
        }
    }

    private Attempt attempt(String method, String path, Object body, String auth) {
        var requestId = "audit-" + UUID.randomUUID();
        var headers = new ArrayList<>(List.of("X-Request-Id", requestId, "Content-Type", "application/json"));
        if (auth != null) {
            headers.addAll(List.of("Authorization", auth));
        }
        var response = http().send(method, path, body == null ? null : Http.json(body), headers.toArray(String[]::new));
        var entries = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 1000).stream()
                .filter(e -> requestId.equals(e.requestId())).toList();
        return new Attempt(response, entries);
    }

    private static void assertAudited(Attempt attempt, int status, String action, String outcome, String reason,
            String subject, String actorType, String actorId) {
        assertThat(attempt.response().status()).as(attempt.response().toString()).isEqualTo(status);
        var entry = attempt.only();
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.outcome()).isEqualTo(outcome);
        assertThat(entry.reason()).isEqualTo(reason);
        assertThat(entry.subjectType()).isEqualTo("integration_client");
        assertThat(entry.subjectId()).isEqualTo(subject);
        assertThat(entry.actorType()).isEqualTo(actorType);
        assertThat(entry.actorId()).isEqualTo(actorId);
        assertThat(entry.ip()).isEqualTo("127.0.0.1");
        assertThat(entry.details()).contains("\"status\":" + status);
    }

    @Test
    void everyOperationWhenItFailsOrTheCallerIsRefusedThenAuditedWithOutcomeAndReasonButNoSecret() {
        var taken = createOk(Map.of("type", "HEALTH", "name", unique("Taken"))).json();
        var takenId = taken.get("id").asText();
        if (app.app().auth().clients().list().stream().noneMatch(c -> c.type() == ClientType.NATIONAL_ID)) {
            app.createClient(ClientType.NATIONAL_ID);
        }
        var unknown = UUID.randomUUID().toString();
        var sysadminId = app.userId("e.mayuka");
        var sysadmin = Http.bearer(app.userToken(sysadminId, List.of(Scopes.SYSADMIN)));
        var admin = admin();

        assertAudited(attempt("POST", "/integrations", Map.of("type", "RECORD_SEARCH", "name", taken.get("name").asText()),
                admin), 409, "client.created", "failure", "client_name_taken", null, "user", adminId());
        assertAudited(attempt("POST", "/integrations", Map.of("type", "NATIONAL_ID", "name", unique("Second ID")),
                admin), 409, "client.created", "failure", "client_type_exists", null, "user", adminId());
        var invalid = attempt("POST", "/integrations", Map.of("type", "HEALTH"), admin);
        assertAudited(invalid, 400, "client.created", "failure", "validation_failed", null, "user", adminId());
        assertThat(invalid.only().details()).contains("name");
        assertAudited(attempt("POST", "/integrations", "{\"type\":", admin), 400, "client.created", "failure",
                "malformed_json", null, "user", adminId());
        assertAudited(attempt("POST", "/integrations/" + unknown + "/refresh-secret", null, admin), 404,
                "client.secret_refreshed", "failure", "client_not_found", unknown, "user", adminId());
        assertAudited(attempt("DELETE", "/integrations/" + unknown, null, admin), 404, "client.deleted", "failure",
                "client_not_found", unknown, "user", adminId());
        assertAudited(attempt("POST", "/integrations/" + takenId + "/deactivate", null, sysadmin), 403,
                "client.deactivated", "denied", "insufficient_scope", takenId, "user", sysadminId);
        assertAudited(attempt("POST", "/integrations/" + takenId + "/reveal", null, null), 401, "client.keys_revealed",
                "denied", "missing_token", takenId, "anonymous", null);
        assertAudited(attempt("POST", "/integrations/" + takenId + "/enable", null, "Bearer not.a.token"), 401,
                "client.enabled", "denied", "invalid_token", takenId, "anonymous", null);

        assertThat(app.app().auth().clients().get(takenId).isActive()).isTrue();
        var everything = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 1000).toString();
        assertThat(everything).doesNotContain(taken.get("client_secret").asText())
                .doesNotContain(taken.get("sha_secret").asText()).doesNotContain(admin.substring(7))
                .doesNotContain(sysadmin.substring(7));
    }
}
