package io.crvs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.auth.ClientType;
import io.crvs.platform.audit.Actor;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The integration-client operations of OpenCRVS's gateway GraphQL API ({@code POST /graphql}, interop §3.4) as
 * the OpenCRVS admin UI calls them with a National System Administrator's login: register, fetch, refresh the
 * secret, webhook permissions, deactivate, reactivate, delete; who may call them; and what the endpoint does with
 * malformed or abusive documents.
 */
public abstract class GraphqlSystemsContract extends AppContract {
    private static final String SYSTEM_FIELDS = "_id clientId shaSecret status name type integratingSystemType "
            + "settings { dailyQuota webhook { event permissions } }";
    private static final String REGISTER = "mutation Register($system: SystemInput) { registerSystem(system: $system) "
            + "{ clientSecret system { " + SYSTEM_FIELDS + " } } }";
    private static final String FETCH = "query Fetch($clientId: ID!) { fetchSystem(clientId: $clientId) { " + SYSTEM_FIELDS + " } }";
    private static final String REFRESH = "mutation Refresh($clientId: String!) { refreshSystemSecret(clientId: $clientId) "
            + "{ clientSecret system { " + SYSTEM_FIELDS + " } } }";
    private static final String UPDATE_PERMISSIONS = "mutation Update($setting: UpdatePermissionsInput!) { "
            + "updatePermissions(setting: $setting) { " + SYSTEM_FIELDS + " } }";
    private static final String DEACTIVATE = "mutation Deactivate($clientId: ID!) { deactivateSystem(clientId: $clientId) { "
            + SYSTEM_FIELDS + " } }";
    private static final String REACTIVATE = "mutation Reactivate($clientId: ID!) { reactivateSystem(clientId: $clientId) { "
            + SYSTEM_FIELDS + " } }";
    private static final String DELETE = "mutation Delete($clientId: ID!) { deleteSystem(clientId: $clientId) { "
            + SYSTEM_FIELDS + " } }";

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private String as(String username) {
        return Http.bearer(tokens.computeIfAbsent(username, u -> Staff.login(http(), u, Staff.SEED_PASSWORD)));
    }

    private String campbell() {
        return as("j.campbell");
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Response graphql(String auth, String query, Map<String, Object> variables) {
        var body = new HashMap<String, Object>();
        body.put("query", query);
        body.put("variables", variables);
        return auth == null ? http().postJson("/graphql", body) : http().postJson("/graphql", body, "Authorization", auth);
    }

    /** A successful operation's result: HTTP 200, no errors, {@code data.<field>}. */
    private JsonNode ok(String query, Map<String, Object> variables, String field) {
        var response = graphql(campbell(), query, variables);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("errors")).as(response.toString()).isFalse();
        var result = response.json().get("data").get(field);
        assertThat(result.isNull()).as(response.toString()).isFalse();
        return result;
    }

    /** The first error of a response, which must carry no result for {@code field}. */
    private static JsonNode error(Response response, String field) {
        var errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.size()).as(response.toString()).isPositive();
        var data = response.json().get("data");
        if (data != null && !data.isNull()) {
            assertThat(data.get(field).isNull()).as(response.toString()).isTrue();
        }
        return errors.get(0);
    }

    private static void assertGraphqlError(Response response, String field, String code, int status) {
        var error = error(response, field);
        assertThat(error.get("message").asText()).as(response.toString()).isNotBlank();
        assertThat(error.path("extensions").path("code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(error.path("extensions").path("status").asInt()).as(response.toString()).isEqualTo(status);
    }

    private JsonNode register(String type, String name, Map<String, Object> extra) {
        var system = new HashMap<String, Object>(extra);
        system.put("type", type);
        system.put("name", name);
        return ok(REGISTER, Map.of("system", system), "registerSystem");
    }

    private JsonNode register(String type) {
        return register(type, unique(type.toLowerCase() + " system"), Map.of());
    }

    private Response token(String clientId, String secret) {
        return ClientTokens.request(http(), clientId, secret);
    }

    private String tokenFor(JsonNode registered) {
        return ClientTokens.accessToken(http(), registered.get("system").get("clientId").asText(),
                registered.get("clientSecret").asText());
    }

    private static void assertInvalidClient(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
    }

    private int whoami(String token) {
        return http().get("/whoami", "Authorization", Http.bearer(token)).status();
    }

    private String userId(String username) {
        return app.app().users().findByUsername(username).orElseThrow().id();
    }

    // ---- registerSystem ---------------------------------------------------------------------------------------

    @Test
    void registerSystemWhenHealthThenActiveDtoWithSecretThatWorksAtToken() {
        var name = unique("Ibombo District Hospital");
        var registered = register("HEALTH", name, Map.of());
        var system = registered.get("system");
        assertThat(registered.get("clientSecret").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(system.get("_id").asText()).matches("[0-9a-f]{24}");
        assertThat(system.get("clientId").asText()).matches("[0-9a-f-]{36}");
        assertThat(system.get("shaSecret").asText()).hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(registered.get("clientSecret").asText());
        assertThat(system.get("status").asText()).isEqualTo("active");
        assertThat(system.get("name").asText()).isEqualTo(name);
        assertThat(system.get("type").asText()).isEqualTo("HEALTH");
        assertThat(system.get("integratingSystemType").isNull()).isTrue();
        assertThat(system.get("settings").toString()).as("OpenCRVS's model defaults")
                .isEqualTo("{\"dailyQuota\":0,\"webhook\":[]}");
        var token = token(system.get("clientId").asText(), registered.get("clientSecret").asText());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().get("scope").asText()).isEqualTo("declare notification-api");
        assertThat(whoami(token.json().get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void registerSystemWhenAnsweredWithASecretThenNoStoreAndPragmaNoCache() {
        var response = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "HEALTH", "name", unique("Cache"))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).contains("clientSecret");
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        assertThat(response.header("Pragma")).hasValue("no-cache");
    }

    @Test
    void registerSystemWhenWebhookWithSettingsThenSettingsReturnedAndStored() {
        var settings = Map.<String, Object>of("webhook", List.of(Map.of("event", "birth", "permissions", List.of("child-details"))));
        var registered = register("WEBHOOK", unique("Webhook"), Map.of("settings", settings));
        var system = registered.get("system");
        assertThat(system.get("type").asText()).isEqualTo("WEBHOOK");
        assertThat(system.get("settings").toString())
                .isEqualTo("{\"dailyQuota\":0,\"webhook\":[{\"event\":\"birth\",\"permissions\":[\"child-details\"]}]}");
        var fetched = ok(FETCH, Map.of("clientId", system.get("clientId").asText()), "fetchSystem");
        assertThat(fetched.get("settings")).isEqualTo(system.get("settings"));
        var scope = app.app().auth().clients().get(system.get("_id").asText()).scope();
        assertThat(scope).containsExactly("webhook");
    }

    @Test
    void registerSystemWhenCreatedThenCreatedByIsTheAdminsUserIdAndAudited() {
        var registered = register("RECORD_SEARCH");
        var id = registered.get("system").get("_id").asText();
        var shown = http().get("/integrations/" + id, "Authorization", campbell());
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        var campbellId = userId("j.campbell");
        assertThat(shown.json().get("created_by").asText()).isEqualTo(campbellId);
        assertThat(shown.json().get("settings").get("dailyQuota").asInt()).isEqualTo(2000);
        var created = app.app().audit().list(Optional.of(id), Optional.of("client.created"), Optional.empty(), 10);
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().actorType()).isEqualTo("user");
        assertThat(created.getFirst().actorId()).isEqualTo(campbellId);
        assertThat(created.getFirst().toString()).doesNotContain(registered.get("clientSecret").asText())
                .doesNotContain(registered.get("system").get("shaSecret").asText());
    }

    @Test
    void registerSystemWhenSecondNationalIdThenClientTypeExists() {
        var registry = app.app().auth().clients();
        registry.list().stream().filter(c -> c.type() == ClientType.NATIONAL_ID)
                .forEach(c -> registry.delete(c.id(), Actor.system("test")));
        var first = register("NATIONAL_ID", unique("MOSIP"), Map.of("integratingSystemType", "MOSIP"));
        assertThat(first.get("system").get("integratingSystemType").asText()).isEqualTo("MOSIP");
        assertThat(first.get("system").get("settings").toString()).isEqualTo("{\"dailyQuota\":0,\"webhook\":[]}");
        var second = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "NATIONAL_ID", "name", unique("Other ID"))));
        assertGraphqlError(second, "registerSystem", "client_type_exists", 409);
    }

    @Test
    void registerSystemWhenInputInvalidThenErrorWithCodeAndNothingCreated() {
        var before = app.app().auth().clients().list().size();
        var blank = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "HEALTH", "name", "   ")));
        assertGraphqlError(blank, "registerSystem", "validation_failed", 400);
        var badPermission = Map.<String, Object>of("webhook", List.of(Map.of("event", "birth", "permissions", List.of("deceased-details"))));
        var permission = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "WEBHOOK", "name", unique("Bad"),
                "settings", badPermission)));
        assertGraphqlError(permission, "registerSystem", "validation_failed", 400);
        var badEvent = Map.<String, Object>of("webhook", List.of(Map.of("event", "marriage", "permissions", List.of())));
        var event = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "WEBHOOK", "name", unique("Bad"),
                "settings", badEvent)));
        assertGraphqlError(event, "registerSystem", "validation_failed", 400);
        var unknownType = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "EXTERNAL_VALIDATION", "name", unique("X"))));
        assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(400);
        assertThat(unknownType.json().get("errors").size()).isPositive();
        assertThat(app.app().auth().clients().list()).hasSize(before);
    }

    @Test
    void registerSystemWhenWebhookListHoldsNullsThenValidationErrorNeverInternalError() {
        var before = app.app().auth().clients().list().size();
        var withNullEntry = new HashMap<String, Object>();
        withNullEntry.put("webhook", java.util.Arrays.asList(Map.of("event", "birth", "permissions", List.of()), null));
        var response = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "WEBHOOK", "name", unique("Nulls"),
                "settings", withNullEntry)));
        var error = error(response, "registerSystem");
        assertThat(error.path("extensions").path("code").asText()).as(response.toString()).isNotEqualTo("internal_error");
        assertThat(error.path("extensions").path("status").asInt()).as(response.toString()).isBetween(400, 499);
        var inline = graphql(campbell(), "mutation { registerSystem(system: {name: \"" + unique("Inline nulls")
                + "\", type: WEBHOOK, settings: {webhook: [null]}}) { clientSecret } }", null);
        var inlineError = error(inline, "registerSystem");
        assertThat(inlineError.path("extensions").path("code").asText()).as(inline.toString()).isNotEqualTo("internal_error");
        assertThat(app.app().auth().clients().list()).hasSize(before);
    }

    // ---- fetch, refresh, permissions, status, delete ------------------------------------------------------------

    @Test
    void fetchSystemWhenRegisteredThenSameDtoAndShaSecretAsAtRegistration() {
        var registered = register("WEBHOOK");
        var system = registered.get("system");
        var fetched = ok(FETCH, Map.of("clientId", system.get("clientId").asText()), "fetchSystem");
        assertThat(fetched).isEqualTo(system);
        assertThat(fetched.get("shaSecret").asText()).isEqualTo(system.get("shaSecret").asText());
        assertThat(fetched.toString()).doesNotContain(registered.get("clientSecret").asText());
        var reveals = app.app().audit().list(Optional.of(system.get("_id").asText()), Optional.of("client.keys_revealed"),
                Optional.empty(), 10);
        assertThat(reveals).hasSize(1);
        assertThat(reveals.getFirst().actorId()).isEqualTo(userId("j.campbell"));
    }

    @Test
    void refreshSystemSecretWhenCalledThenNewSecretWorksOldFailsAndShaSecretUnchanged() {
        var registered = register("HEALTH");
        var system = registered.get("system");
        var clientId = system.get("clientId").asText();
        var oldSecret = registered.get("clientSecret").asText();
        var oldToken = tokenFor(registered);
        var refreshed = ok(REFRESH, Map.of("clientId", clientId), "refreshSystemSecret");
        var newSecret = refreshed.get("clientSecret").asText();
        assertThat(newSecret).isNotBlank().isNotEqualTo(oldSecret);
        assertThat(refreshed.get("system").get("clientId").asText()).isEqualTo(clientId);
        assertThat(refreshed.get("system").get("shaSecret").asText()).as("the webhook key is not rotated")
                .isEqualTo(system.get("shaSecret").asText());
        assertInvalidClient(token(clientId, oldSecret));
        assertThat(whoami(oldToken)).as("a token issued with the old secret").isEqualTo(401);
        var fresh = token(clientId, newSecret);
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        var fetched = ok(FETCH, Map.of("clientId", clientId), "fetchSystem");
        assertThat(fetched.get("shaSecret").asText()).as("the webhook key is not rotated")
                .isEqualTo(system.get("shaSecret").asText());
    }

    @Test
    void updatePermissionsWhenWebhookThenSettingsReplaced() {
        var settings = Map.<String, Object>of("webhook", List.of(Map.of("event", "birth", "permissions", List.of("child-details"))));
        var system = register("WEBHOOK", unique("Permissions"), Map.of("settings", settings)).get("system");
        var clientId = system.get("clientId").asText();
        var updated = ok(UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId", clientId, "webhook",
                List.of(Map.of("event", "death", "permissions", List.of("deceased-details", "death-encounter"))))),
                "updatePermissions");
        assertThat(updated.get("settings").get("webhook").toString())
                .isEqualTo("[{\"event\":\"death\",\"permissions\":[\"deceased-details\",\"death-encounter\"]}]");
        assertThat(updated.get("shaSecret").asText()).isEqualTo(system.get("shaSecret").asText());
        var fetched = ok(FETCH, Map.of("clientId", clientId), "fetchSystem");
        assertThat(fetched.get("settings")).isEqualTo(updated.get("settings"));
        var audited = app.app().audit().list(Optional.of(system.get("_id").asText()), Optional.of("client.permissions_updated"),
                Optional.empty(), 10);
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst().actorId()).isEqualTo(userId("j.campbell"));
    }

    @Test
    void updatePermissionsWhenPermissionUnknownOrClientNotWebhookThenErrorAndSettingsUnchanged() {
        var settings = Map.<String, Object>of("webhook", List.of(Map.of("event", "birth", "permissions", List.of("child-details"))));
        var system = register("WEBHOOK", unique("Permissions"), Map.of("settings", settings)).get("system");
        var clientId = system.get("clientId").asText();
        var bad = graphql(campbell(), UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId", clientId, "webhook",
                List.of(Map.of("event", "death", "permissions", List.of("child-details"))))));
        assertGraphqlError(bad, "updatePermissions", "validation_failed", 400);
        var badEvent = graphql(campbell(), UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId", clientId, "webhook",
                List.of(Map.of("event", "divorce", "permissions", List.of())))));
        assertGraphqlError(badEvent, "updatePermissions", "validation_failed", 400);
        assertThat(ok(FETCH, Map.of("clientId", clientId), "fetchSystem").get("settings")).isEqualTo(system.get("settings"));

        var health = register("HEALTH").get("system");
        var notWebhook = graphql(campbell(), UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId",
                health.get("clientId").asText(), "webhook", List.of(Map.of("event", "birth", "permissions", List.of("child-details"))))));
        var error = error(notWebhook, "updatePermissions");
        assertThat(error.path("extensions").path("code").asText()).isEqualTo("not_a_webhook_client");
        assertThat(error.path("extensions").path("status").asInt()).isBetween(400, 499);
        var unknown = graphql(campbell(), UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId", UUID.randomUUID().toString(),
                "webhook", List.of())));
        assertGraphqlError(unknown, "updatePermissions", "client_not_found", 404);
    }

    @Test
    void deactivateAndReactivateSystemWhenCalledThenTokenEndpointFollows() {
        var registered = register("RECORD_SEARCH");
        var clientId = registered.get("system").get("clientId").asText();
        var secret = registered.get("clientSecret").asText();
        var token = tokenFor(registered);
        var deactivated = ok(DEACTIVATE, Map.of("clientId", clientId), "deactivateSystem");
        assertThat(deactivated.get("status").asText()).isEqualTo("deactivated");
        assertThat(deactivated.get("shaSecret").asText()).isEqualTo(registered.get("system").get("shaSecret").asText());
        assertInvalidClient(token(clientId, secret));
        assertThat(whoami(token)).as("a token issued before deactivation").isEqualTo(401);
        assertThat(ok(FETCH, Map.of("clientId", clientId), "fetchSystem").get("status").asText()).isEqualTo("deactivated");

        var reactivated = ok(REACTIVATE, Map.of("clientId", clientId), "reactivateSystem");
        assertThat(reactivated.get("status").asText()).isEqualTo("active");
        assertThat(reactivated.get("shaSecret").asText()).isEqualTo(registered.get("system").get("shaSecret").asText());
        assertThat(reactivated.get("settings").get("dailyQuota").asInt()).isEqualTo(2000);
        var again = token(clientId, secret);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(whoami(again.json().get("access_token").asText())).isEqualTo(200);
        assertThat(whoami(token)).as("reactivation does not revive old tokens").isEqualTo(401);
    }

    @Test
    void deleteSystemWhenCalledThenFetchSystemGivesClientNotFoundAndSecretFails() {
        var registered = register("WEBHOOK");
        var system = registered.get("system");
        var clientId = system.get("clientId").asText();
        var deleted = ok(DELETE, Map.of("clientId", clientId), "deleteSystem");
        assertThat(deleted.get("_id").asText()).isEqualTo(system.get("_id").asText());
        assertThat(deleted.get("clientId").asText()).isEqualTo(clientId);
        assertThat(deleted.get("shaSecret").asText()).isEqualTo(system.get("shaSecret").asText());
        assertGraphqlError(graphql(campbell(), FETCH, Map.of("clientId", clientId)), "fetchSystem", "client_not_found", 404);
        assertInvalidClient(token(clientId, registered.get("clientSecret").asText()));
        for (var query : List.of(DELETE, DEACTIVATE, REACTIVATE, REFRESH)) {
            var response = graphql(campbell(), query, Map.of("clientId", clientId));
            assertThat(error(response, response.json().get("data").fieldNames().next()).path("extensions").path("code").asText())
                    .as(response.toString()).isEqualTo("client_not_found");
        }
    }

    @Test
    void mutationsWhenShaSecretSelectedThenEachDisclosureAuditedAsRevealElseNone() {
        var registered = register("HEALTH");
        var id = registered.get("system").get("_id").asText();
        var clientId = registered.get("system").get("clientId").asText();
        var withoutKey = graphql(campbell(), "mutation D($clientId: ID!) { deactivateSystem(clientId: $clientId) "
                + "{ _id status } }", Map.of("clientId", clientId));
        assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(200);
        assertThat(withoutKey.body()).doesNotContain(registered.get("system").get("shaSecret").asText());
        assertThat(reveals(id)).isEmpty();
        var withKey = ok(REACTIVATE, Map.of("clientId", clientId), "reactivateSystem");
        assertThat(withKey.get("shaSecret").asText()).isEqualTo(registered.get("system").get("shaSecret").asText());
        assertThat(reveals(id)).hasSize(1);
        assertThat(reveals(id).getFirst().actorId()).isEqualTo(userId("j.campbell"));
        ok(DELETE, Map.of("clientId", clientId), "deleteSystem");
        assertThat(reveals(id)).hasSize(2);
    }

    @Test
    void registerSystemWhenNameEmptyThenNamedAfterTheAdministratorAsOpenCrvsDoes() {
        var registry = app.app().auth().clients();
        registry.list().stream().filter(c -> c.name().equals("j.campbell"))
                .forEach(c -> registry.delete(c.id(), Actor.system("test")));
        var registered = register("RECORD_SEARCH", "", Map.of());
        assertThat(registered.get("system").get("name").asText()).isEqualTo("j.campbell");
        var again = graphql(campbell(), REGISTER, Map.of("system", Map.of("type", "HEALTH", "name", "")));
        assertGraphqlError(again, "registerSystem", "client_name_taken", 409);
    }

    // ---- who may call it -------------------------------------------------------------------------------------

    @Test
    void operationsWhenCallerIsNotNationalAdminThen403InsufficientScopeAndNothingHappens() {
        var existing = register("HEALTH").get("system");
        var clientId = existing.get("clientId").asText();
        var healthClient = Http.bearer(app.token(app.createClient(ClientType.HEALTH)));
        var before = app.app().auth().clients().list().size();
        var callers = List.of(as("k.bwalya"), as("k.mweene"), as("j.musonda"), as("e.mayuka"), as("a.ngonga"), healthClient);
        for (var caller : callers) {
            var operations = Map.of(
                    "registerSystem", graphql(caller, REGISTER, Map.of("system", Map.of("type", "HEALTH", "name", unique("Nope")))),
                    "fetchSystem", graphql(caller, FETCH, Map.of("clientId", clientId)),
                    "refreshSystemSecret", graphql(caller, REFRESH, Map.of("clientId", clientId)),
                    "deactivateSystem", graphql(caller, DEACTIVATE, Map.of("clientId", clientId)),
                    "deleteSystem", graphql(caller, DELETE, Map.of("clientId", clientId)),
                    "updatePermissions", graphql(caller, UPDATE_PERMISSIONS, Map.of("setting", Map.of("clientId", clientId,
                            "webhook", List.of()))));
            operations.forEach((field, response) -> {
                assertThat(response.status()).as(field + ": " + response).isEqualTo(403);
                assertThat(error(response, field).path("extensions").path("code").asText()).as(field)
                        .isEqualTo("insufficient_scope");
                assertThat(response.body()).doesNotContain(existing.get("shaSecret").asText());
            });
        }
        assertThat(app.app().auth().clients().list()).hasSize(before);
        var after = ok(FETCH, Map.of("clientId", clientId), "fetchSystem");
        assertThat(after.get("status").asText()).isEqualTo("active");
        assertThat(after.get("shaSecret").asText()).isEqualTo(existing.get("shaSecret").asText());
    }

    @Test
    void operationsWhenRefusedOrFailedThenAuditedWithOutcomeAndReason() {
        var clientId = register("HEALTH").get("system").get("clientId").asText();
        var unknown = UUID.randomUUID().toString();
        assertThat(graphql(as("e.mayuka"), DEACTIVATE, Map.of("clientId", clientId)).status()).isEqualTo(403);
        assertGraphqlError(graphql(campbell(), DELETE, Map.of("clientId", unknown)), "deleteSystem", "client_not_found", 404);
        var denied = app.app().audit().list(Optional.of(clientId), Optional.of("client.deactivated"), Optional.empty(), 10);
        assertThat(denied).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.reason()).isEqualTo("insufficient_scope");
            assertThat(e.actorId()).isEqualTo(userId("e.mayuka"));
        });
        var failed = app.app().audit().list(Optional.of(unknown), Optional.empty(), Optional.empty(), 10);
        assertThat(failed).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("client.deleted");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.reason()).isEqualTo("client_not_found");
            assertThat(e.actorId()).isEqualTo(userId("j.campbell"));
        });
    }

    @Test
    void graphqlWhenNoOrInvalidTokenThen401() {
        var none = graphql(null, FETCH, Map.of("clientId", "x"));
        assertThat(none.status()).as(none.toString()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        var forged = graphql("Bearer not.a.token", FETCH, Map.of("clientId", "x"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        var tampered = campbell() + "x";
        assertThat(graphql(tampered, FETCH, Map.of("clientId", "x")).status()).isEqualTo(401);
    }

    // ---- malformed and abusive documents ---------------------------------------------------------------------

    @Test
    void graphqlWhenDocumentMalformedOrInvalidThen400WithErrors() {
        var documents = List.of("mutation { registerSystem(", "{ fetchSystem(clientId: \"x\") { nonexistent } }",
                "{ noSuchQuery }", "mutation { deleteSystem { _id } }", "query Q($id: ID!) { fetchSystem(clientId: $id) { _id } }",
                "subscription { anything }");
        for (var document : documents) {
            var response = graphql(campbell(), document, null);
            assertThat(response.status()).as(document + " -> " + response).isEqualTo(400);
            assertThat(response.json().get("errors").size()).as(document).isPositive();
            assertThat(response.json().path("data").isMissingNode() || response.json().get("data").isNull()).as(document).isTrue();
        }
        for (var body : List.of("{}", "{\"query\":\"\"}", "{\"query\":null}", "{\"query\":\"" + "x".repeat(100_001) + "\"}")) {
            var response = http().postJson("/graphql", body, "Authorization", campbell());
            assertThat(response.status()).as(body.length() > 100 ? "long query" : body).isEqualTo(400);
        }
        var notJson = http().send("POST", "/graphql", "{ fetchSystem }", "Authorization", campbell(), "Content-Type", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void graphqlWhenExtensionsObjectOrNullThenIgnoredElse400() {
        for (var extensions : List.of("{\"persistedQuery\":{\"version\":1}}", "{}", "null")) {
            var body = "{\"query\":\"{ __typename }\",\"extensions\":" + extensions + "}";
            var response = http().postJson("/graphql", body, "Authorization", campbell());
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(200);
            assertThat(response.json().get("data").get("__typename").asText()).isEqualTo("Query");
        }
        for (var extensions : List.of("\"x\"", "[]", "1")) {
            var body = "{\"query\":\"{ __typename }\",\"extensions\":" + extensions + "}";
            var response = http().postJson("/graphql", body, "Authorization", campbell());
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.body()).contains("extensions");
        }
    }

    @Test
    void graphqlWhenQueryVeryDeepOrVeryWideThenRefusedWithoutResult() {
        var shallow = graphql(campbell(), nestedIntrospection(3), null);
        assertThat(shallow.status()).as("the same document, shallower: " + shallow.body().substring(0, 200)).isEqualTo(200);
        assertThat(shallow.json().get("data").get("__schema").isObject()).isTrue();
        var response = graphql(campbell(), nestedIntrospection(20), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asText()).containsIgnoringCase("depth");
        assertThat(response.body()).doesNotContain("\"__schema\":{");

        var id = register("HEALTH").get("system").get("_id").asText();
        var narrow = graphql(campbell(), aliasedFetches(id, 5), null);
        assertThat(narrow.status()).as(narrow.toString()).isEqualTo(200);
        assertThat(narrow.json().get("data").size()).isEqualTo(5);
        assertThat(reveals(id)).hasSize(5);
        var widely = graphql(campbell(), aliasedFetches(id, 300), null);
        assertThat(widely.status()).as(widely.body().substring(0, Math.min(500, widely.body().length()))).isEqualTo(400);
        assertThat(widely.json().get("errors").get(0).get("message").asText()).containsIgnoringCase("complexity");
        assertThat(reveals(id)).as("no resolver ran").hasSize(5);
    }

    private static String nestedIntrospection(int levels) {
        return "{ __schema { types { fields { type " + "{ ofType ".repeat(levels) + "{ name }" + " }".repeat(levels)
                + " } } } }";
    }

    private static String aliasedFetches(String id, int count) {
        var query = new StringBuilder("{ ");
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(": fetchSystem(clientId: \"").append(id).append("\") { _id shaSecret } ");
        }
        return query.append("}").toString();
    }

    private List<io.crvs.platform.audit.AuditEntry> reveals(String id) {
        return app.app().audit().list(Optional.of(id), Optional.of("client.keys_revealed"), Optional.empty(), 1000);
    }

    @Test
    void introspectionWhenNotNationalSystemAdministratorThenRefusedElseAnswered() {
        var query = Map.of("query", "{ __schema { mutationType { fields { name } } } }");
        var fieldAgent = http().postJson("/graphql", query, "Authorization", Http.bearer(Staff.login(http(), "k.bwalya", Staff.SEED_PASSWORD)));
        assertThat(fieldAgent.body()).doesNotContain("registerSystem");
        assertThat(fieldAgent.json().path("errors").isArray()).isTrue();
        var admin = http().postJson("/graphql", query, "Authorization", Http.bearer(Staff.login(http(), "j.campbell", Staff.SEED_PASSWORD)));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.body()).contains("registerSystem");
    }
}
