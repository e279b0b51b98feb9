package io.crvs.users;

import static io.crvs.testkit.Staff.SEED_PASSWORD;
import static io.crvs.testkit.Staff.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.ClientTokens;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Jwt;
import io.crvs.testkit.Staff;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The headline journey: Jonathan Campbell, National System Administrator of Farajaland, logs in with two factors
 * and registers a health system through the gateway's GraphQL API as the OpenCRVS admin UI does; that system gets
 * a token at {@code /token} and uses it. A Field Agent may do none of this.
 */
public abstract class CampbellJourneyContract extends AppContract {
    static final String REGISTER = """
            mutation register($name: String!) {
              registerSystem(system: {name: $name, type: HEALTH}) {
                clientSecret
                system { _id clientId shaSecret status name type }
              }
            }""";

    private Response graphql(String token, String name) {
        return http().postJson("/graphql", Map.of("query", REGISTER, "variables", Map.of("name", name)),
                "Authorization", bearer(token));
    }

    @Test
    void campbellWhenLoggedInWithTwoFactorsThenRegistersHealthSystemThatGetsAndUsesAToken() {
        var started = Staff.authenticate(http(), "j.campbell", SEED_PASSWORD);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("twoFactorMethod").asText()).isEqualTo("code");
        var verified = Staff.verifyCode(http(), started.json().get("nonce").asText(), Staff.DEVELOPMENT_CODE);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        var token = verified.json().get("token").asText();
        assertThat(Jwt.claims(token).get("scope").toString()).isEqualTo("[\"sysadmin\",\"natlsysadmin\"]");

        var name = "Farajaland Health " + UUID.randomUUID().toString().substring(0, 8);
        var response = graphql(token, name);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("errors")).as(response.toString()).isFalse();
        var registered = response.json().get("data").get("registerSystem");
        var system = registered.get("system");
        var clientSecret = registered.get("clientSecret").asText();
        var clientId = system.get("clientId").asText();
        assertThat(clientId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(system.get("_id").asText()).matches("[0-9a-f]{24}");
        assertThat(system.get("shaSecret").asText()).isNotBlank();
        assertThat(system.get("status").asText()).isEqualTo("active");
        assertThat(system.get("name").asText()).isEqualTo(name);
        assertThat(system.get("type").asText()).isEqualTo("HEALTH");
        assertThat(clientSecret).isNotBlank();

        var issued = ClientTokens.request(http(), clientId, clientSecret);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("scope").asText()).isEqualTo("declare notification-api");
        var clientToken = issued.json().get("access_token").asText();
        assertThat(Jwt.claims(clientToken).get("sub").asText()).isEqualTo(system.get("_id").asText());

        var whoami = http().get("/whoami", "Authorization", bearer(clientToken));
        assertThat(whoami.status()).as(whoami.toString()).isEqualTo(200);
        assertThat(whoami.json().get("kind").asText()).isEqualTo("client");
        assertThat(whoami.json().get("client_id").asText()).isEqualTo(clientId);
        assertThat(whoami.json().get("name").asText()).isEqualTo(name);
        assertThat(whoami.json().get("type").asText()).isEqualTo("HEALTH");

        var listed = http().get("/integrations", "Authorization", bearer(token));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains(clientId).doesNotContain(clientSecret);

        var campbellId = Jwt.claims(token).get("sub").asText();
        var created = app.app().audit().list(Optional.empty(), Optional.empty(), Optional.empty(), 200).stream()
                .filter(e -> system.get("_id").asText().equals(e.subjectId()) && e.actorId() != null
                        && e.actorId().equals(campbellId))
                .toList();
        assertThat(created).as("audit of the registration by Campbell").isNotEmpty();
        assertThat(created.toString()).doesNotContain(clientSecret);
    }

    @Test
    void bwalyaWhenFieldAgentThenIntegrationsAndRegisterSystemRefused() {
        var token = Staff.login(http(), "k.bwalya", SEED_PASSWORD);
        var integrations = http().get("/integrations", "Authorization", bearer(token));
        assertThat(integrations.status()).as(integrations.toString()).isEqualTo(403);

        var name = "Not allowed " + UUID.randomUUID().toString().substring(0, 8);
        var response = graphql(token, name);
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        var error = response.json().get("errors").get(0);
        assertThat(error.get("extensions").get("code").asText()).isEqualTo("insufficient_scope");
        assertThat(response.json().path("data").path("registerSystem").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("clientSecret\":\"");

        var admin = Staff.login(http(), "j.campbell", SEED_PASSWORD);
        assertThat(http().get("/integrations", "Authorization", bearer(admin)).body()).doesNotContain(name);
    }

    @Test
    void registerSystemWhenNoTokenThen401() {
        var response = http().postJson("/graphql", Map.of("query", REGISTER, "variables", Map.of("name", "anonymous")));
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
    }
}
