package io.crvs.users;

import static io.crvs.testkit.ProblemAssertions.assertFieldError;
import static io.crvs.testkit.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.platform.audit.AuditEntry;
import io.crvs.testkit.AppContract;
import io.crvs.testkit.Concurrently;
import io.crvs.testkit.Http;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.Inbox;
import io.crvs.testkit.SmsReceiver;
import io.crvs.testkit.Staff;
import io.crvs.testkit.TestBundles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * User management for system administrators ({@code /users}) over real HTTP, as OpenCRVS's admin UI uses it:
 * creation with OpenCRVS's username rule and its validation, who may manage which office's users, paging, edits,
 * deactivation and reactivation, password resets, reminders and invitations, what each does to the user's
 * tokens and login, and the audit trail and notifications each leaves. Staff log in as the seeded Farajaland
 * users; messages to new users are read at a stub SMS gateway, as the user would read them.
 */
public abstract class UserAdminContract extends AppContract {
    private static final String IBOMBO = TestBundles.OFFICE_ID;
    private static final String ILANGA = TestBundles.ILANGA_OFFICE_ID;
    private static final String HQ = TestBundles.HQ_OFFICE_ID;
    private static final String IBOMBO_DISTRICT = TestBundles.DISTRICT_ID;
    private static final String IBOMBO_HEALTH_POST = TestBundles.FACILITY_ID;
    private static final String UNKNOWN_ID = "0123456789abcdef01234567";
    private static final String NEW_PASSWORD = "Onboarded-Pass-2024";
    private static final String CLIENT_IP = "203.0.113.7";
    private static final String USER_AGENT = "crvs-user-admin-contract/1.0";
    /** CONFIG_TOKEN_EXPIRY_SECONDS's default: a person's token lives 7 days. */
    private static final long USER_TOKEN_LIFETIME = 604_800;

    @AutoClose
    private final SmsReceiver sms = new SmsReceiver();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected Map<String, String> environment() {
        return sms.environment();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A bearer header for a seeded user, logged in once per class. */
    private String as(String username) {
        return Http.bearer(tokens.computeIfAbsent(username, u -> Staff.login(http(), u, Staff.SEED_PASSWORD)));
    }

    private String campbell() {
        return as("j.campbell");
    }

    private String mayuka() {
        return as("e.mayuka");
    }

    private String idOf(String username) {
        return app.app().users().findByUsername(username).orElseThrow().id();
    }

    private static String uniqueMobile() {
        return Staff.uniqueMobile();
    }

    private static String uniqueEmail() {
        return Staff.uniqueEmail("user");
    }

    /** A family name of letters only, unique in this class, so usernames are predictable. */
    private static String uniqueFamilyName() {
        var letters = new StringBuilder("Banda");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    private Map<String, Object> draft(String office) {
        var body = new LinkedHashMap<String, Object>();
        body.put("givenNames", List.of("Chanda"));
        body.put("familyName", uniqueFamilyName());
        body.put("systemRole", "FIELD_AGENT");
        body.put("role", "Social Worker");
        body.put("primaryOfficeId", office);
        body.put("mobile", uniqueMobile());
        body.put("email", uniqueEmail());
        return body;
    }

    private Map<String, Object> draft() {
        return draft(IBOMBO);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    private Response create(String auth, Object body) {
        return http().postJson("/users", body, "Authorization", auth, "X-Forwarded-For", CLIENT_IP, "User-Agent", USER_AGENT);
    }

    private JsonNode createOk(String auth, Map<String, Object> body) {
        var response = create(auth, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private JsonNode createOk(Map<String, Object> body) {
        return createOk(campbell(), body);
    }

    private Response get(String auth, String path) {
        return http().get(path, "Authorization", auth);
    }

    private Response put(String auth, String id, Object body) {
        return http().send("PUT", "/users/" + id, Http.json(body), "Authorization", auth, "Content-Type", "application/json",
                "X-Forwarded-For", CLIENT_IP, "User-Agent", USER_AGENT);
    }

    private Response action(String auth, String id, String action, Object body) {
        return http().send("POST", "/users/" + id + "/" + action, body == null ? null : Http.json(body), "Authorization", auth,
                "Content-Type", "application/json", "X-Forwarded-For", CLIENT_IP, "User-Agent", USER_AGENT);
    }

    private static Map<String, Object> reason(String reason) {
        return Map.of("reason", reason);
    }

    private static Map<String, Object> reason(String reason, String comment) {
        return Map.of("reason", reason, "comment", comment);
    }

    /** What an admin sends back to edit a user: the editable fields of its current view. */
    private static Map<String, Object> editable(JsonNode view) {
        var body = new LinkedHashMap<String, Object>();
        var given = new ArrayList<String>();
        view.get("givenNames").forEach(n -> given.add(n.asText()));
        body.put("givenNames", given);
        body.put("familyName", view.get("familyName").asText());
        body.put("systemRole", view.get("systemRole").asText());
        body.put("role", view.get("role").asText());
        body.put("primaryOfficeId", view.get("primaryOfficeId").asText());
        for (var optional : List.of("mobile", "email", "nationalId")) {
            if (view.hasNonNull(optional)) {
                body.put(optional, view.get(optional).asText());
            }
        }
        body.put("language", view.get("language").asText());
        return body;
    }

    /** The first message to {@code mobile} that starts with {@code template}, once delivered. */
    private Inbox.Received message(String mobile, String template) {
        return sms.await(mobile, 0, m -> m.body().startsWith(template));
    }

    private String temporaryPassword(String mobile, String template) {
        return Staff.temporaryPassword(message(mobile, template));
    }

    private static final String INVITE = "Your OpenCRVS account has been created";
    private static final String RESET = "Your password has been reset";

    /** A user created by j.campbell who has onboarded with {@link #NEW_PASSWORD}; active. */
    private record Active(String id, String username, String mobile, JsonNode view) {
    }

    private Active activeUser(Map<String, Object> body) {
        var created = createOk(body);
        var mobile = (String) body.get("mobile");
        var username = created.get("username").asText();
        Staff.onboard(http(), username, temporaryPassword(mobile, INVITE), NEW_PASSWORD);
        return new Active(created.get("id").asText(), username, mobile, created);
    }

    private Active activeUser() {
        return activeUser(draft());
    }

    private String login(Active user) {
        return Staff.login(http(), user.username(), NEW_PASSWORD);
    }

    private int me(String token) {
        return http().get("/users/me", "Authorization", Http.bearer(token)).status();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                names.add(e.getKey());
                names.addAll(fieldNames(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(n -> names.addAll(fieldNames(n)));
        }
        return names;
    }

    private List<AuditEntry> audit(String subjectId) {
        return app.app().audit().list(Optional.of(subjectId), Optional.empty(), Optional.empty(), 100);
    }

    private List<String> usernamesIn(String office) {
        var page = get(campbell(), "/users?primaryOfficeId=" + office + "&count=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("results").findValuesAsText("username");
    }

    // ---- creation ---------------------------------------------------------------------------------------------

    @Test
    void createWhenNationalAdminCreatesFieldAgentThen201PendingWithOpenCrvsUsernameAndNoPassword() {
        var mobile = uniqueMobile();
        var body = new LinkedHashMap<String, Object>();
        body.put("givenNames", List.of("Ada", "Mary"));
        body.put("familyName", "Lovelace");
        body.put("systemRole", "FIELD_AGENT");
        body.put("role", "Social Worker");
        body.put("primaryOfficeId", IBOMBO);
        body.put("email", "Ada.Lovelace-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org");
        body.put("mobile", mobile);
        var response = create(campbell(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        var user = response.json();
        var id = user.get("id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(response.header("Location")).hasValue("/users/" + id);
        assertThat(user.get("username").asText()).isEqualTo("am.lovelace");
        assertThat(user.get("status").asText()).isEqualTo("pending");
        assertThat(user.get("scope").toString()).isEqualTo("[\"declare\"]");
        assertThat(user.get("systemRole").asText()).isEqualTo("FIELD_AGENT");
        assertThat(user.get("role").asText()).isEqualTo("Social Worker");
        assertThat(user.get("primaryOfficeId").asText()).isEqualTo(IBOMBO);
        assertThat(user.get("givenNames").toString()).isEqualTo("[\"Ada\",\"Mary\"]");
        assertThat(user.get("familyName").asText()).isEqualTo("Lovelace");
        assertThat(user.get("mobile").asText()).isEqualTo(mobile);
        assertThat(user.get("email").asText()).isEqualTo(((String) body.get("email")).toLowerCase(Locale.ROOT));
        assertThat(user.get("createdBy").asText()).isEqualTo(idOf("j.campbell"));

        var temporary = temporaryPassword(mobile, INVITE);
        assertThat(message(mobile, INVITE).body()).contains("am.lovelace");
        assertThat(fieldNames(user)).noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("password"));
        assertThat(response.body()).doesNotContain(temporary);

        var read = get(campbell(), "/users/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).as("GET returns what POST answered").isEqualTo(user);
        assertThat(read.body()).doesNotContain(temporary);

        var twin = createOk(with(with(body, "email", uniqueEmail()), "mobile", uniqueMobile()));
        assertThat(twin.get("username").asText()).isEqualTo("am.lovelace1");
        var third = createOk(with(with(body, "email", uniqueEmail()), "mobile", uniqueMobile()));
        assertThat(third.get("username").asText()).isEqualTo("am.lovelace2");
    }

    @Test
    void createWhenInviteArrivesThenItsTemporaryPasswordStartsOnboarding() {
        var body = draft();
        var created = createOk(body);
        var mobile = (String) body.get("mobile");
        var invite = message(mobile, INVITE).body();
        assertThat(invite).contains(created.get("username").asText());
        var started = Staff.authenticate(http(), created.get("username").asText(), temporaryPassword(mobile, INVITE));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("pending");
        var onboarding = started.json().get("token").asText();
        assertThat(Staff.meOk(http(), onboarding).get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(get(Http.bearer(onboarding), "/users?primaryOfficeId=" + IBOMBO).status()).isEqualTo(403);
    }

    @Test
    void createWhenRoleTitleOmittedOrInOtherCaseThenCountryTitleOfTheSystemRole() {
        assertThat(createOk(with(draft(), "role", null)).get("role").asText()).isEqualTo("Field Agent");
        var registrar = with(with(draft(), "systemRole", "LOCAL_REGISTRAR"), "role", null);
        var created = createOk(registrar);
        assertThat(created.get("role").asText()).isEqualTo("Local Registrar");
        assertThat(created.get("scope").toString()).isEqualTo("[\"register\",\"performance\",\"certify\"]");
        assertThat(createOk(with(draft(), "role", "police officer")).get("role").asText()).isEqualTo("Police Officer");
        assertThat(createOk(with(draft(), "role", "  ")).get("role").asText()).isEqualTo("Field Agent");
    }

    @Test
    void createWhenFieldInvalidThen400NamingItAndNothingCreated() {
        var before = usernamesIn(IBOMBO).size();
        assertFieldError(create(campbell(), with(draft(), "role", "Local Registrar")), "role");
        assertFieldError(create(campbell(), with(draft(), "role", "Chief")), "role");
        assertFieldError(create(campbell(), with(draft(), "systemRole", "SUPER_ADMIN")), "systemRole");
        assertFieldError(create(campbell(), with(draft(), "systemRole", null)), "systemRole");
        assertFieldError(create(campbell(), with(draft(), "primaryOfficeId", UNKNOWN_ID)), "primaryOfficeId");
        assertFieldError(create(campbell(), with(draft(), "primaryOfficeId", IBOMBO_HEALTH_POST)), "primaryOfficeId");
        assertFieldError(create(campbell(), with(draft(), "primaryOfficeId", IBOMBO_DISTRICT)), "primaryOfficeId");
        assertFieldError(create(campbell(), with(draft(), "primaryOfficeId", null)), "primaryOfficeId");
        for (var mobile : List.of("0812345678", "097123456", "09712345678", "+260971234567", "09-1234567", "phone")) {
            assertFieldError(create(campbell(), with(draft(), "mobile", mobile)), "mobile");
        }
        for (var email : List.of("not-an-email", "a@b", "two@@example.org", "spaces in@example.org", "@example.org")) {
            assertFieldError(create(campbell(), with(draft(), "email", email)), "email");
        }
        var noContact = with(with(draft(), "mobile", null), "email", null);
        for (var response : List.of(create(campbell(), noContact),
                create(campbell(), with(with(noContact, "mobile", " "), "email", "")))) {
            assertProblem(response, 400, "validation_failed");
            assertThat(response.json().get("errors").findValuesAsText("field")).containsAnyOf("email", "mobile");
        }
        assertFieldError(create(campbell(), with(draft(), "givenNames", List.of())), "givenNames");
        assertFieldError(create(campbell(), with(draft(), "givenNames", List.of("  "))), "givenNames");
        assertFieldError(create(campbell(), with(draft(), "familyName", " ")), "familyName");
        assertFieldError(create(campbell(), with(draft(), "familyName", null)), "familyName");
        assertFieldError(create(campbell(), with(draft(), "language", "sw")), "language");
        assertFieldError(create(campbell(), with(draft(), "username", "chosen.name")), "username");
        assertFieldError(create(campbell(), with(draft(), "status", "active")), "status");

        var several = create(campbell(), with(with(with(draft(), "mobile", "123"), "email", "x"), "systemRole", "KING"));
        assertFieldError(several, "mobile");
        assertFieldError(several, "email");
        assertFieldError(several, "systemRole");
        assertThat(usernamesIn(IBOMBO)).hasSize(before);
    }

    @Test
    void createWhenBodyIsOddJsonThenClientErrorNeverServerError() {
        var longName = "n".repeat(100);
        var bodies = List.<Object>of("null", "[]", "{}", "\"user\"", "{\"givenNames\":\"Ada\"}",
                with(draft(), "givenNames", java.util.Arrays.asList("Ada", null)),
                with(draft(), "givenNames", List.of(Map.of("first", "Ada"))),
                with(draft(), "familyName", List.of("Lovelace")),
                with(draft(), "mobile", 971234567),
                with(draft(), "givenNames", List.of(longName, longName, longName)),
                with(draft(), "familyName", "f".repeat(101)),
                with(draft(), "email", "e".repeat(250) + "@example.org"));
        for (var body : bodies) {
            var response = create(campbell(), body);
            assertThat(response.status()).as(body + " -> " + response).isBetween(400, 499);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    @Test
    void createWhenGivenNameHoldsSpacesThenSplitAsOpenCrvsDoesAndReadBackExactlyAsCreated() {
        var body = with(with(draft(), "givenNames", List.of(" Mwila  Grace ", "Élodie")), "familyName", "Mbuyi Kasongo");
        var created = createOk(body);
        assertThat(created.get("givenNames").toString()).isEqualTo("[\"Mwila\",\"Grace\",\"Élodie\"]");
        assertThat(created.get("familyName").asText()).isEqualTo("Mbuyi Kasongo");
        assertThat(created.get("name").asText()).isEqualTo("Mwila Grace Élodie Mbuyi Kasongo");
        assertThat(created.get("username").asText()).isEqualTo("mge.mbuyi-kasongo");
        var read = get(campbell(), "/users/" + created.get("id").asText()).json();
        assertThat(read.get("givenNames")).isEqualTo(created.get("givenNames"));
        assertThat(read.get("name").asText()).isEqualTo(created.get("name").asText());
        assertThat(read).isEqualTo(created);
    }

    @Test
    void createWhenEmailOrMobileTakenThen409AndNothingCreated() {
        var first = createOk(draft());
        var before = usernamesIn(IBOMBO).size();
        assertProblem(create(campbell(), with(draft(), "mobile", first.get("mobile").asText())), 409, "mobile_taken");
        assertProblem(create(campbell(), with(draft(), "email", first.get("email").asText().toUpperCase(Locale.ROOT))),
                409, "email_taken");
        assertProblem(create(campbell(), with(draft(), "mobile", "0911111111")), 409, "mobile_taken");
        assertProblem(create(campbell(), with(draft(), "email", "kalushabwalya17@gmail.com")), 409, "email_taken");
        assertThat(usernamesIn(IBOMBO)).hasSize(before);
    }

    @Test
    void createWhenSameNameRacesThenEveryUserCreatedWithItsOwnUsername() throws Exception {
        var family = uniqueFamilyName();
        var auth = campbell();
        var tasks = new ArrayList<java.util.concurrent.Callable<Response>>();
        for (int i = 0; i < 10; i++) {
            var body = with(with(draft(), "familyName", family), "givenNames", List.of("Race"));
            tasks.add(() -> create(auth, body));
        }
        var responses = Concurrently.run(tasks);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        var base = "r." + family.toLowerCase(Locale.ROOT);
        var expected = new ArrayList<String>(List.of(base));
        for (int i = 1; i < 10; i++) {
            expected.add(base + i);
        }
        assertThat(responses.stream().map(r -> r.json().get("username").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void createWhenSameEmailOrMobileRacesThenExactlyOneCreatedOthers409() throws Exception {
        var auth = campbell();
        var email = uniqueEmail();
        var mobile = uniqueMobile();
        var tasks = new ArrayList<java.util.concurrent.Callable<Response>>();
        for (int i = 0; i < 10; i++) {
            var body = i % 2 == 0 ? with(draft(), "email", email) : with(draft(), "mobile", mobile);
            tasks.add(() -> create(auth, body));
        }
        var responses = Concurrently.run(tasks);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(8).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().get("code").asText()).isIn("email_taken", "mobile_taken");
        });
    }

    /**
     * A password change hashes the new password outside its transaction; a deactivation landing meanwhile must
     * stand: the user ends deactivated whatever the order, and the change never answers with a working token.
     */
    @Test
    void deactivateWhileTheUserChangesTheirPasswordThenTheUserStaysDeactivated() throws Exception {
        var auth = campbell();
        for (int round = 0; round < 3; round++) {
            var user = activeUser();
            var token = Http.bearer(login(user));
            var responses = Concurrently.run(List.<java.util.concurrent.Callable<Response>>of(
                    () -> http().postJson("/users/me/password", Map.of("currentPassword", NEW_PASSWORD,
                            "newPassword", "Changed-Pass-2025x"), "Authorization", token),
                    () -> action(auth, user.id(), "deactivate", reason("TERMINATED"))));

            assertThat(responses.get(1).status()).as(responses.toString()).isEqualTo(200);
            assertThat(get(auth, "/users/" + user.id()).json().get("status").asText()).as(responses.toString())
                    .isEqualTo("deactivated");
            var change = responses.get(0);
            assertThat(change.status()).as(change.toString()).isIn(200, 401, 409);
            if (change.status() == 200) {
                assertThat(me(change.json().get("token").asText())).as("a token from before the deactivation").isEqualTo(401);
            }
        }
    }

    @Test
    void editWhenSeveralUsersRaceToOneEmailThenExactlyOneGetsItOthers409() throws Exception {
        var auth = campbell();
        var email = uniqueEmail();
        var tasks = new ArrayList<java.util.concurrent.Callable<Response>>();
        for (int i = 0; i < 8; i++) {
            var user = createOk(draft());
            var body = with(editable(user), "email", email);
            tasks.add(() -> put(auth, user.get("id").asText(), body));
        }
        var responses = Concurrently.run(tasks);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(7)
                .allSatisfy(r -> assertProblem(r, 409, "email_taken"));
    }

    // ---- who may manage whom -------------------------------------------------------------------------------------

    @Test
    void localAdminWhenOwnOfficeThenCreatesReadsAndEdits() {
        var created = createOk(mayuka(), draft(IBOMBO));
        assertThat(created.get("createdBy").asText()).isEqualTo(idOf("e.mayuka"));
        var id = created.get("id").asText();
        assertThat(get(mayuka(), "/users/" + id).status()).isEqualTo(200);
        var edited = put(mayuka(), id, with(editable(created), "familyName", "Zulu"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("familyName").asText()).isEqualTo("Zulu");
        var list = get(mayuka(), "/users?primaryOfficeId=" + IBOMBO + "&count=500");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("results").findValuesAsText("id")).contains(id);
        var localAdmin = createOk(mayuka(), with(with(draft(IBOMBO), "systemRole", "LOCAL_SYSTEM_ADMIN"), "role", null));
        assertThat(localAdmin.get("scope").toString()).isEqualTo("[\"sysadmin\"]");
    }

    @Test
    void localAdminWhenUserOfAnotherOfficeThen403OnEveryRouteAndNothingChanges() {
        var gondwe = idOf("p.gondwe");
        var before = get(campbell(), "/users/" + gondwe).json();
        var auditBefore = audit(gondwe).size();
        assertProblem(create(mayuka(), draft(ILANGA)), 403, "other_office");
        assertProblem(get(mayuka(), "/users/" + gondwe), 403, "other_office");
        assertProblem(put(mayuka(), gondwe, with(editable(before), "familyName", "Hijacked")), 403, "other_office");
        assertProblem(put(mayuka(), gondwe, with(editable(before), "primaryOfficeId", IBOMBO)), 403, "other_office");
        // The office first: an invalid or garbled body tells a local administrator nothing more.
        assertProblem(put(mayuka(), gondwe, with(editable(before), "familyName", "")), 403, "other_office");
        assertProblem(put(mayuka(), gondwe, Map.of("givenNames", 1)), 403, "other_office");
        assertProblem(put(mayuka(), gondwe, "{bad"), 403, "other_office");
        assertProblem(action(mayuka(), gondwe, "deactivate", reason("TERMINATED")), 403, "other_office");
        assertProblem(action(mayuka(), gondwe, "reactivate", reason("ROLE_REGAINED")), 403, "other_office");
        assertProblem(action(mayuka(), gondwe, "reset-password", null), 403, "other_office");
        assertProblem(action(mayuka(), gondwe, "username-reminder", null), 403, "other_office");
        assertProblem(action(mayuka(), gondwe, "resend-invite", null), 403, "other_office");
        assertProblem(get(mayuka(), "/users?primaryOfficeId=" + ILANGA), 403, "other_office");
        assertProblem(get(mayuka(), "/users?primaryOfficeId=" + HQ), 403, "other_office");
        assertThat(get(campbell(), "/users/" + gondwe).json()).isEqualTo(before);
        assertThat(audit(gondwe)).hasSize(auditBefore);
        // Ilanga's own local administrator may.
        assertThat(get(as("a.ngonga"), "/users/" + gondwe).status()).isEqualTo(200);
    }

    @Test
    void localAdminWhenMovingOwnOfficeUserToAnotherOfficeThen403AndUserStays() {
        var created = createOk(mayuka(), draft(IBOMBO));
        var id = created.get("id").asText();
        assertProblem(put(mayuka(), id, with(editable(created), "primaryOfficeId", ILANGA)), 403, "other_office");
        assertThat(get(mayuka(), "/users/" + id).json().get("primaryOfficeId").asText()).isEqualTo(IBOMBO);
        var moved = put(campbell(), id, with(editable(created), "primaryOfficeId", ILANGA));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("primaryOfficeId").asText()).isEqualTo(ILANGA);
        assertProblem(get(mayuka(), "/users/" + id), 403, "other_office");
    }

    @Test
    void createWhenNationalSystemAdminRequestedThenOnlyNationalAdminMayGrantIt() {
        var national = with(with(draft(IBOMBO), "systemRole", "NATIONAL_SYSTEM_ADMIN"), "role", null);
        assertProblem(create(mayuka(), national), 403, "role_not_grantable");
        var own = createOk(mayuka(), draft(IBOMBO));
        var promoted = with(with(editable(own), "systemRole", "NATIONAL_SYSTEM_ADMIN"), "role", null);
        assertProblem(put(mayuka(), own.get("id").asText(), promoted), 403, "role_not_grantable");
        assertThat(get(mayuka(), "/users/" + own.get("id").asText()).json().get("systemRole").asText()).isEqualTo("FIELD_AGENT");
        var created = createOk(campbell(), with(national, "primaryOfficeId", HQ));
        assertThat(created.get("systemRole").asText()).isEqualTo("NATIONAL_SYSTEM_ADMIN");
        assertThat(created.get("role").asText()).isEqualTo("National System Admin");
        assertThat(created.get("scope").toString()).isEqualTo("[\"sysadmin\",\"natlsysadmin\"]");
    }

    @Test
    void localAdminWhenTargetIsNationalAdminInOwnOfficeThen403ForEveryChange() {
        var national = activeUser(with(with(draft(IBOMBO), "systemRole", "NATIONAL_SYSTEM_ADMIN"), "role", null));
        var id = national.id();
        var token = login(national);
        var demoted = with(with(editable(national.view()), "systemRole", "FIELD_AGENT"), "role", null);
        demoted.put("mobile", uniqueMobile());
        assertProblem(put(mayuka(), id, demoted), 403, "role_not_grantable");
        assertProblem(action(mayuka(), id, "deactivate", reason("TERMINATED")), 403, "role_not_grantable");
        assertProblem(action(mayuka(), id, "reset-password", null), 403, "role_not_grantable");
        var after = get(campbell(), "/users/" + id).json();
        assertThat(after.get("systemRole").asText()).isEqualTo("NATIONAL_SYSTEM_ADMIN");
        assertThat(after.get("status").asText()).isEqualTo("active");
        assertThat(after.get("mobile").asText()).isEqualTo(national.mobile());
        assertThat(me(token)).as("the national administrator's token still works").isEqualTo(200);
    }

    @Test
    void adminRoutesWhenCallerIsNotSystemAdminThen403AndWithoutTokenThen401() {
        var target = idOf("k.mweene");
        for (var username : List.of("k.bwalya", "k.mweene", "f.katongo", "j.musonda", "e.kazembe")) {
            var auth = as(username);
            assertProblem(get(auth, "/users?primaryOfficeId=" + IBOMBO), 403, "insufficient_scope");
            assertProblem(create(auth, draft()), 403, "insufficient_scope");
            assertProblem(get(auth, "/users/" + target), 403, "insufficient_scope");
            assertProblem(put(auth, target, draft()), 403, "insufficient_scope");
            for (var path : List.of("deactivate", "reactivate", "reset-password", "username-reminder", "resend-invite")) {
                assertProblem(action(auth, target, path, reason("TERMINATED")), 403, "insufficient_scope");
            }
        }
        var none = List.of(http().get("/users?primaryOfficeId=" + IBOMBO), http().postJson("/users", draft()),
                http().get("/users/" + target), http().send("PUT", "/users/" + target, Http.json(draft()), "Content-Type",
                        "application/json"),
                http().postJson("/users/" + target + "/deactivate", reason("TERMINATED")),
                http().postJson("/users/" + target + "/reset-password", Map.of()));
        for (var response : none) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        }
        assertThat(get(campbell(), "/users/" + target).json().get("status").asText()).isEqualTo("active");
    }

    // ---- listing ----------------------------------------------------------------------------------------------

    @Test
    void listWhenPagedThenTotalItemsAndDisjointPagesCoverTheOffice() {
        createOk(draft());
        createOk(draft());
        var all = get(campbell(), "/users?primaryOfficeId=" + IBOMBO + "&skip=0&count=500");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        int total = all.json().get("totalItems").asInt();
        assertThat(total).isEqualTo(all.json().get("results").size()).isGreaterThanOrEqualTo(6);
        assertThat(all.json().get("results").findValuesAsText("username"))
                .contains("k.bwalya", "f.katongo", "k.mweene", "e.mayuka").doesNotContain("p.gondwe", "j.campbell");
        all.json().get("results").forEach(u -> assertThat(u.get("primaryOfficeId").asText()).isEqualTo(IBOMBO));

        var seen = new ArrayList<String>();
        for (int skip = 0; skip < total + 2; skip += 2) {
            var page = get(campbell(), "/users?primaryOfficeId=" + IBOMBO + "&skip=" + skip + "&count=2");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("totalItems").asInt()).isEqualTo(total);
            var results = page.json().get("results");
            assertThat(results.size()).isEqualTo(Math.max(0, Math.min(2, total - skip)));
            results.forEach(u -> seen.add(u.get("id").asText()));
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates()
                .containsExactlyElementsOf(all.json().get("results").findValuesAsText("id"));
        assertThat(all.body()).doesNotContainIgnoringCase("password");
    }

    @Test
    void listWhenSkipCountOrOfficeInvalidThen400NamingIt() {
        var base = "/users?primaryOfficeId=" + IBOMBO;
        assertFieldError(get(campbell(), base + "&skip=-1"), "skip");
        assertFieldError(get(campbell(), base + "&skip=abc"), "skip");
        assertFieldError(get(campbell(), base + "&skip=1.5"), "skip");
        assertFieldError(get(campbell(), base + "&count=0"), "count");
        assertFieldError(get(campbell(), base + "&count=-2"), "count");
        assertFieldError(get(campbell(), base + "&count=501"), "count");
        assertFieldError(get(campbell(), base + "&count=ten"), "count");
        assertFieldError(get(campbell(), base + "&count=99999999999"), "count");
        assertFieldError(get(campbell(), "/users"), "primaryOfficeId");
        assertFieldError(get(campbell(), "/users?primaryOfficeId="), "primaryOfficeId");
        assertFieldError(get(campbell(), "/users?primaryOfficeId=%20"), "primaryOfficeId");
        assertFieldError(get(campbell(), "/users?office="), "primaryOfficeId");
        var beyond = get(campbell(), base + "&skip=100000&count=5");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().get("results").size()).isZero();
        assertThat(beyond.json().get("totalItems").asInt()).isPositive();
    }

    // ---- editing ----------------------------------------------------------------------------------------------

    @Test
    void editWhenNamesAndContactsChangeThenReadBackWithSameUsernameAndTokensKept() {
        var user = activeUser();
        var token = login(user);
        var body = editable(user.view());
        var mobile = uniqueMobile();
        var email = uniqueEmail();
        body.put("givenNames", List.of("Natasha", "Mulenga"));
        body.put("familyName", "Phiri");
        body.put("mobile", mobile);
        body.put("email", email);
        body.put("nationalId", "1234567890");
        body.put("language", "fr");
        var edited = put(campbell(), user.id(), body);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        var view = edited.json();
        assertThat(view.get("username").asText()).isEqualTo(user.username());
        assertThat(view.get("givenNames").toString()).isEqualTo("[\"Natasha\",\"Mulenga\"]");
        assertThat(view.get("familyName").asText()).isEqualTo("Phiri");
        assertThat(view.get("mobile").asText()).isEqualTo(mobile);
        assertThat(view.get("email").asText()).isEqualTo(email);
        assertThat(view.get("nationalId").asText()).isEqualTo("1234567890");
        assertThat(view.get("language").asText()).isEqualTo("fr");
        assertThat(view.get("status").asText()).isEqualTo("active");
        assertThat(get(campbell(), "/users/" + user.id()).json()).isEqualTo(view);
        assertThat(me(token)).as("names and contacts do not change what the token allows").isEqualTo(200);
        // Edit to contacts another user holds: 409, nothing changes.
        assertProblem(put(campbell(), user.id(), with(body, "mobile", "0911111111")), 409, "mobile_taken");
        assertThat(get(campbell(), "/users/" + user.id()).json().get("mobile").asText()).isEqualTo(mobile);
        // Keeping one's own contacts is not a conflict.
        assertThat(put(campbell(), user.id(), body).status()).isEqualTo(200);
    }

    @Test
    void editWhenSystemRoleChangesThenUsersExistingTokensAreCutOffAndNewLoginHasNewScopes() {
        var user = activeUser();
        var token = login(user);
        assertThat(me(token)).isEqualTo(200);
        var body = with(with(editable(user.view()), "systemRole", "REGISTRATION_AGENT"), "role", null);
        var edited = put(campbell(), user.id(), body);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("role").asText()).isEqualTo("Registration Agent");
        assertThat(edited.json().get("scope").toString()).isEqualTo("[\"validate\",\"performance\",\"certify\"]");
        assertThat(me(token)).as("a token issued before the role change").isEqualTo(401);
        var fresh = login(user);
        assertThat(me(fresh)).isEqualTo(200);
        assertThat(io.crvs.testkit.Jwt.claims(fresh).get("scope").toString()).contains("validate");
    }

    @Test
    void editWhenOfficeChangesThenUsersExistingTokensAreCutOff() {
        var user = activeUser();
        var token = login(user);
        var moved = put(campbell(), user.id(), with(editable(user.view()), "primaryOfficeId", ILANGA));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(me(token)).isEqualTo(401);
        assertThat(me(login(user))).isEqualTo(200);
    }

    @Test
    void editWhenOfficeAndRoleChangeBackToBackThenEachEarlierTokenRefusedAndEachNewLoginCurrentAtOnce() {
        var user = activeUser();
        var token = login(user);
        var view = user.view();
        // Ten edits take a few seconds at most: several of them fall in one second.
        for (int i = 1; i <= 10; i++) {
            var body = with(editable(view), "primaryOfficeId", i % 2 == 1 ? ILANGA : IBOMBO);
            body = with(with(body, "systemRole", i % 2 == 1 ? "REGISTRATION_AGENT" : "FIELD_AGENT"), "role", null);
            var edited = put(campbell(), user.id(), body);
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            view = edited.json();
            assertThat(me(token)).as("a token issued before edit " + i).isEqualTo(401);
            token = login(user);
            Staff.assertCurrentToken(app, token, USER_TOKEN_LIFETIME);
        }
    }

    @Test
    void editWhenBodyInvalidThen400AndUserUnchanged() {
        var created = createOk(draft());
        var id = created.get("id").asText();
        assertFieldError(put(campbell(), id, with(editable(created), "mobile", "12")), "mobile");
        assertFieldError(put(campbell(), id, with(editable(created), "primaryOfficeId", IBOMBO_HEALTH_POST)), "primaryOfficeId");
        assertFieldError(put(campbell(), id, with(editable(created), "role", "Registration Agent")), "role");
        assertFieldError(put(campbell(), id, with(editable(created), "username", "other.name")), "username");
        assertThat(get(campbell(), "/users/" + id).json()).isEqualTo(created);
    }

    // ---- deactivation and reactivation ---------------------------------------------------------------------------

    @Test
    void deactivateWhenReasonGivenThenTokenRefusedAtOnceLoginForbiddenUntilReactivated() {
        var user = activeUser();
        var token = login(user);
        assertThat(me(token)).isEqualTo(200);

        var deactivated = action(campbell(), user.id(), "deactivate", reason("TERMINATED"));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("status").asText()).isEqualTo("deactivated");
        assertThat(deactivated.json().get("statusReason").asText()).isEqualTo("TERMINATED");
        assertThat(me(token)).as("a token issued before deactivation").isEqualTo(401);
        assertProblem(Staff.authenticate(http(), user.username(), NEW_PASSWORD), 403, "user_deactivated");
        assertThat(Staff.authenticate(http(), user.username(), "Wrong-Pass-2024").status()).isEqualTo(401);
        assertProblem(action(campbell(), user.id(), "deactivate", reason("SUSPICIOUS")), 409, "user_status");

        var reactivated = action(campbell(), user.id(), "reactivate", reason("ROLE_REGAINED"));
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.json().get("status").asText()).isEqualTo("active");
        assertThat(reactivated.json().get("statusReason").asText()).isEqualTo("ROLE_REGAINED");
        assertThat(me(token)).as("reactivation does not revive old tokens").isEqualTo(401);
        var again = login(user);
        assertThat(me(again)).isEqualTo(200);
        assertProblem(action(campbell(), user.id(), "reactivate", reason("ROLE_REGAINED")), 409, "user_status");

        assertThat(action(campbell(), user.id(), "deactivate", reason("SUSPICIOUS")).status()).isEqualTo(200);
        assertThat(me(again)).isEqualTo(401);
        assertThat(action(campbell(), user.id(), "reactivate", reason("NOT_SUSPICIOUS")).status()).isEqualTo(200);
        var other = action(campbell(), user.id(), "deactivate", reason("OTHER", "Moved to another ministry"));
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(other.json().get("statusReason").asText()).isEqualTo("OTHER");
        var back = action(campbell(), user.id(), "reactivate", reason("OTHER", "Came back"));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(me(login(user))).isEqualTo(200);
    }

    @Test
    void deactivateAndReactivateWhenRepeatedBackToBackThenEachEarlierTokenRefusedAndEachNewLoginCurrentAtOnce() {
        var user = activeUser();
        var token = login(user);
        // Forty status changes take a few seconds at most: most of them share their second with others.
        for (int i = 1; i <= 20; i++) {
            assertThat(action(campbell(), user.id(), "deactivate", reason("SUSPICIOUS")).status()).isEqualTo(200);
            assertThat(me(token)).as("a token issued before deactivation " + i).isEqualTo(401);
            assertThat(action(campbell(), user.id(), "reactivate", reason("NOT_SUSPICIOUS")).status()).isEqualTo(200);
            assertThat(me(token)).as("reactivation " + i + " does not revive it").isEqualTo(401);
            token = login(user);
            Staff.assertCurrentToken(app, token, USER_TOKEN_LIFETIME);
        }
    }

    @Test
    void deactivateWhenReasonUnknownOrOtherWithoutCommentThen400AndUserStaysActive() {
        var user = activeUser();
        var token = login(user);
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("FIRED")), "reason");
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("terminated")), "reason");
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("ROLE_REGAINED")), "reason");
        assertFieldError(action(campbell(), user.id(), "deactivate", Map.of()), "reason");
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("OTHER")), "comment");
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("OTHER", "   ")), "comment");
        assertFieldError(action(campbell(), user.id(), "deactivate", reason("OTHER", "x".repeat(501))), "comment");
        assertThat(get(campbell(), "/users/" + user.id()).json().get("status").asText()).isEqualTo("active");
        assertThat(me(token)).isEqualTo(200);
        assertThat(action(campbell(), user.id(), "deactivate", reason("TERMINATED")).status()).isEqualTo(200);
        assertFieldError(action(campbell(), user.id(), "reactivate", reason("TERMINATED")), "reason");
        assertFieldError(action(campbell(), user.id(), "reactivate", reason("OTHER")), "comment");
        assertThat(get(campbell(), "/users/" + user.id()).json().get("status").asText()).isEqualTo("deactivated");
    }

    @Test
    void deactivateWhenAdminTargetsThemselvesThen409AndStaysActive() {
        assertProblem(action(campbell(), idOf("j.campbell"), "deactivate", reason("TERMINATED")), 409, "self_deactivation");
        assertProblem(action(mayuka(), idOf("e.mayuka"), "deactivate", reason("OTHER", "Leaving")), 409, "self_deactivation");
        assertThat(get(campbell(), "/users/" + idOf("j.campbell")).json().get("status").asText()).isEqualTo("active");
        assertThat(get(campbell(), "/users/" + idOf("e.mayuka")).json().get("status").asText()).isEqualTo("active");
        assertThat(get(campbell(), "/users/me").status()).as("j.campbell's token still works").isEqualTo(200);
    }

    @Test
    void reactivateWhenUserWasPendingThenPendingAgainAndTemporaryPasswordOnlyStartsOnboarding() {
        var body = draft();
        var created = createOk(body);
        var username = created.get("username").asText();
        var temporary = temporaryPassword((String) body.get("mobile"), INVITE);
        var id = created.get("id").asText();
        assertThat(action(campbell(), id, "deactivate", reason("SUSPICIOUS")).status()).isEqualTo(200);
        var reactivated = action(campbell(), id, "reactivate", reason("NOT_SUSPICIOUS"));
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.json().get("status").asText()).isEqualTo("pending");
        var started = Staff.authenticate(http(), username, temporary);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).as("onboarding, not a second factor").isEqualTo("pending");
        assertThat(started.json().has("token")).as("the onboarding token").isTrue();
        assertProblem(action(campbell(), id, "reactivate", reason("ROLE_REGAINED")), 409, "user_status");
        Staff.onboard(http(), username, temporary, NEW_PASSWORD);
        assertThat(me(Staff.login(http(), username, NEW_PASSWORD))).isEqualTo(200);

        // Reset, then deactivated before onboarding again: the same.
        assertThat(action(campbell(), id, "reset-password", null).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "deactivate", reason("TERMINATED")).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "reactivate", reason("ROLE_REGAINED")).json().get("status").asText())
                .isEqualTo("pending");
        var reset = temporaryPassword((String) body.get("mobile"), RESET);
        assertThat(Staff.authenticate(http(), username, reset).json().get("status").asText()).isEqualTo("pending");
    }

    @Test
    void deactivateWhenUserPendingThenInvitationPasswordStopsWorking() {
        var body = draft();
        var created = createOk(body);
        var temporary = temporaryPassword((String) body.get("mobile"), INVITE);
        var id = created.get("id").asText();
        assertThat(action(campbell(), id, "deactivate", reason("TERMINATED")).status()).isEqualTo(200);
        assertProblem(Staff.authenticate(http(), created.get("username").asText(), temporary), 403, "user_deactivated");
        assertProblem(action(campbell(), id, "resend-invite", null), 409, "user_status");
        assertProblem(action(campbell(), id, "reset-password", null), 409, "user_status");
        assertProblem(action(campbell(), id, "username-reminder", null), 409, "user_status");
    }

    // ---- password reset, reminders, invitations ------------------------------------------------------------------

    @Test
    void resetPasswordWhenActiveUserThenPendingOldPasswordAndTokenFailNewTemporaryPasswordOnboards() {
        var user = activeUser();
        var token = login(user);
        var reset = action(campbell(), user.id(), "reset-password", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().get("success").asBoolean()).isTrue();
        assertThat(get(campbell(), "/users/" + user.id()).json().get("status").asText()).isEqualTo("pending");
        assertThat(me(token)).as("a token issued before the reset").isEqualTo(401);
        assertThat(Staff.authenticate(http(), user.username(), NEW_PASSWORD).status()).isEqualTo(401);

        var temporary = temporaryPassword(user.mobile(), RESET);
        assertThat(reset.body()).doesNotContain(temporary);
        var started = Staff.authenticate(http(), user.username(), temporary);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("pending");
        Staff.onboard(http(), user.username(), temporary, "Second-Pass-2025");
        assertThat(me(Staff.login(http(), user.username(), "Second-Pass-2025"))).isEqualTo(200);
        assertThat(Staff.authenticate(http(), user.username(), temporary).status()).isEqualTo(401);
    }

    @Test
    void usernameReminderWhenUserActiveThen200AndMessageCarriesUsername() {
        var user = activeUser();
        var token = login(user);
        var reminder = action(campbell(), user.id(), "username-reminder", null);
        assertThat(reminder.status()).as(reminder.toString()).isEqualTo(200);
        assertThat(reminder.json().get("success").asBoolean()).isTrue();
        assertThat(message(user.mobile(), "Your username for OpenCRVS is").body()).endsWith(user.username());
        assertThat(me(token)).as("a reminder changes nothing").isEqualTo(200);
        assertThat(get(campbell(), "/users/" + user.id()).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void resendInviteWhenPendingThenNewPasswordReplacesOldAndWhenActiveThen409() {
        var body = draft();
        var created = createOk(body);
        var mobile = (String) body.get("mobile");
        var id = created.get("id").asText();
        var first = temporaryPassword(mobile, INVITE);
        var resent = action(campbell(), id, "resend-invite", null);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        var invites = sms.await(mobile, 0, m -> m.body().startsWith(INVITE), 2);
        assertThat(invites).as("a second invitation arrives").hasSize(2);
        var second = Staff.temporaryPassword(invites.get(1));
        assertThat(second).isNotEqualTo(first);
        var username = created.get("username").asText();
        assertThat(Staff.authenticate(http(), username, first).status()).as("the first password").isEqualTo(401);
        Staff.onboard(http(), username, second, NEW_PASSWORD);
        assertProblem(action(campbell(), id, "resend-invite", null), 409, "user_status");
    }

    @Test
    void actionsWhenBodyNotEmptyNorJsonObjectThenRefusedAsElsewhereAndNothingHappens() {
        var body = draft();
        var created = createOk(body);
        var id = created.get("id").asText();
        var invited = temporaryPassword((String) body.get("mobile"), INVITE);
        var auditBefore = audit(id).size();
        var notificationsBefore = notifications(id);
        for (var path : List.of("reset-password", "username-reminder", "resend-invite")) {
            assertProblem(action(campbell(), id, path, "{bad"), 400, "malformed_json");
            assertProblem(action(campbell(), id, path, "{} []"), 400, "malformed_json");
            assertFieldError(action(campbell(), id, path, "[]"), "(body)");
            assertFieldError(action(campbell(), id, path, "null"), "(body)");
            assertFieldError(action(campbell(), id, path, Map.of("reason", "TERMINATED")), "reason");
            var huge = "{\"x\":\"" + "x".repeat(3_000_000) + "\"}";
            assertProblem(action(campbell(), id, path, huge), 413, "payload_too_large");
            var form = http().send("POST", "/users/" + id + "/" + path, "reason=x", "Authorization", campbell(),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertProblem(form, 415, "unsupported_media_type");
        }
        assertThat(audit(id)).as("no action was taken").hasSize(auditBefore);
        assertThat(notifications(id)).as("no message was queued").isEqualTo(notificationsBefore);
        var started = Staff.authenticate(http(), created.get("username").asText(), invited);
        assertThat(started.status()).as("the invitation's password still works: " + started).isEqualTo(200);
        // What the routes do take: no body at all, or an empty object.
        assertThat(action(campbell(), id, "username-reminder", null).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "resend-invite", Map.of()).status()).isEqualTo(200);
        assertThat(notifications(id)).isEqualTo(notificationsBefore + 2);
    }

    private int notifications(String userId) {
        return app.app().notifications().list(Optional.of(userId), Optional.empty(), 100).size();
    }

    @Test
    void actionsWhenUserUnknownThen404UserNotFound() {
        for (var id : List.of(UNKNOWN_ID, "no-such-user", "x".repeat(300))) {
            assertProblem(get(campbell(), "/users/" + id), 404, "user_not_found");
            assertProblem(put(campbell(), id, draft()), 404, "user_not_found");
            assertProblem(action(campbell(), id, "deactivate", reason("TERMINATED")), 404, "user_not_found");
            assertProblem(action(campbell(), id, "reactivate", reason("ROLE_REGAINED")), 404, "user_not_found");
            for (var path : List.of("reset-password", "username-reminder", "resend-invite")) {
                assertProblem(action(campbell(), id, path, null), 404, "user_not_found");
            }
        }
    }

    // ---- audit and notifications ---------------------------------------------------------------------------------

    @Test
    void adminActionsWhenPerformedThenEachAuditedWithAdminTargetAddressAndUserAgentAndNotificationsQueued() {
        var adminId = idOf("j.campbell");
        var body = draft();
        var created = createOk(body);
        var id = created.get("id").asText();
        var mobile = (String) body.get("mobile");
        Staff.onboard(http(), created.get("username").asText(), temporaryPassword(mobile, INVITE), NEW_PASSWORD);
        assertThat(put(campbell(), id, with(editable(created), "familyName", "Audited")).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "deactivate", reason("OTHER", "Audit check")).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "reactivate", reason("ROLE_REGAINED")).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "username-reminder", null).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "reset-password", null).status()).isEqualTo(200);
        assertThat(action(campbell(), id, "resend-invite", null).status()).isEqualTo(200);

        var actions = List.of("user.created", "user.edited", "user.deactivated", "user.reactivated",
                "user.username_reminder_sent", "user.password_reset", "user.invite_resent");
        var entries = audit(id);
        for (var action : actions) {
            var matching = entries.stream().filter(e -> e.action().equals(action)).toList();
            assertThat(matching).as(action).hasSize(1);
            var entry = matching.getFirst();
            assertThat(entry.outcome()).as(action).isEqualToIgnoringCase("success");
            assertThat(entry.actorType()).as(action).isEqualTo("user");
            assertThat(entry.actorId()).as(action).isEqualTo(adminId);
            assertThat(entry.subjectType()).as(action).isEqualTo("user");
            assertThat(entry.subjectId()).as(action).isEqualTo(id);
            assertThat(entry.ip()).as(action).isEqualTo(CLIENT_IP);
            assertThat(entry.userAgent()).as(action).isEqualTo(USER_AGENT);
        }
        var deactivated = entries.stream().filter(e -> e.action().equals("user.deactivated")).findFirst().orElseThrow();
        assertThat(deactivated.details()).contains("OTHER").contains("Audit check");
        assertThat(entries.stream().map(AuditEntry::action).toList())
                .as("the user's own onboarding is audited as the user")
                .contains("user.activated");
        for (var entry : entries) {
            assertThat(String.valueOf(entry.details())).doesNotContain(NEW_PASSWORD);
        }

        var templates = app.app().notifications().list(Optional.of(id), Optional.empty(), 20).stream()
                .map(n -> n.template()).toList();
        assertThat(templates).containsOnlyOnce("resetUserPasswordNotification", "retieveUserNameNotification");
        assertThat(templates.stream().filter("userCredentialsNotification"::equals)).as("invite and its resend").hasSize(2);
        app.app().notifications().list(Optional.of(id), Optional.empty(), 20).forEach(n -> {
            assertThat(n.channel()).isEqualTo("sms");
            assertThat(n.recipient()).isEqualTo(mobile);
        });
    }

    @Test
    void createWhenRefusedThenNoAuditEntryAndNoNotification() {
        var invalid = with(draft(), "role", "Registrar General");
        assertThat(create(campbell(), invalid).status()).isEqualTo(400);
        var otherOffice = draft(ILANGA);
        assertThat(create(mayuka(), otherOffice).status()).isEqualTo(403);
        // Deliveries are asynchronous: a user created afterwards gets an invitation, so none was queued before it.
        var later = draft();
        var laterUser = createOk(later);
        message((String) later.get("mobile"), INVITE);
        var created = app.app().audit().list(Optional.empty(), Optional.of("user.created"), Optional.empty(), 1000);
        assertThat(created).anyMatch(e -> e.subjectId().equals(laterUser.get("id").asText()));
        for (var refused : List.of(invalid, otherOffice)) {
            var mobile = (String) refused.get("mobile");
            var family = ((String) refused.get("familyName")).toLowerCase(Locale.ROOT);
            assertThat(sms.attempts(mobile)).as("nothing sent to " + mobile + ", not even a failed attempt").isEmpty();
            assertThat(created).noneMatch(e -> String.valueOf(e.details()).contains(family));
            assertThat(usernamesIn((String) refused.get("primaryOfficeId"))).noneMatch(u -> u.contains(family));
            assertThat(app.app().users().findByUsername("c." + family)).isEmpty();
        }
    }
}
