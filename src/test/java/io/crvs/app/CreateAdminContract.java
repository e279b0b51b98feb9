package io.crvs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.testkit.AppContract;
import io.crvs.testkit.CrvsJar;
import io.crvs.testkit.CrvsJar.Run;
import io.crvs.testkit.Http;
import io.crvs.testkit.Staff;
import io.crvs.testkit.TestBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code crvs users create-admin}: bootstrapping the first National System Administrator from the command line,
 * as an operator does on a fresh installation. The real fat jar runs in a child process against the test
 * server's database; the one-time password it prints must start onboarding at the running server, after which
 * the new administrator manages users over HTTP.
 */
public abstract class CreateAdminContract extends AppContract {
    private static final String HQ = TestBundles.HQ_OFFICE_ID;

    /** {@code crvs users create-admin <args> --data <the test app's data folder>} with the test app's environment. */
    private Run createAdmin(String... args) {
        var all = new ArrayList<>(List.of("users", "create-admin"));
        all.addAll(List.of(args));
        all.add("--data");
        all.add(app.dataDir().toString());
        return CrvsJar.run(all, app.environment());
    }

    private static String uniqueEmail() {
        return "grace." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private int userCount() {
        return app.app().audit().list(Optional.empty(), Optional.of("user.created"), Optional.empty(), 10_000).size();
    }

    @Test
    void createAdminWhenEmailGivenThenPendingNationalAdminWithOneTimePasswordThatStartsOnboarding() {
        var email = uniqueEmail();
        var run = createAdmin("--given-names", "Grace", "--family-name", "Hopper", "--email", email);
        assertThat(run.exit()).as(run.toString()).isZero();
        run.assertNoStackTrace();
        var admin = run.json();
        assertThat(admin.get("username").asText()).matches("g\\.hopper[0-9]*");
        assertThat(admin.get("systemRole").asText()).isEqualTo("NATIONAL_SYSTEM_ADMIN");
        assertThat(admin.get("role").asText()).isEqualTo("National System Admin");
        assertThat(admin.get("status").asText()).isEqualTo("pending");
        assertThat(admin.get("email").asText()).isEqualTo(email);
        assertThat(admin.get("primaryOfficeId").asText()).as("the HQ office by default").isEqualTo(HQ);
        assertThat(admin.get("scope").toString()).isEqualTo("[\"sysadmin\",\"natlsysadmin\"]");
        var password = admin.get("one_time_password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(run.stderr()).doesNotContain(password);

        var id = admin.get("id").asText();
        var stored = app.app().users().find(id).orElseThrow();
        assertThat(stored.username()).isEqualTo(admin.get("username").asText());
        assertThat(stored.status().wireName()).isEqualTo("pending");

        var started = Staff.authenticate(http(), admin.get("username").asText(), password);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("pending");
        var onboarding = started.json().get("token").asText();
        assertThat(Staff.meOk(http(), onboarding).get("id").asText()).isEqualTo(id);
        assertThat(http().get("/users?primaryOfficeId=" + HQ, "Authorization", Http.bearer(onboarding)).status())
                .as("an onboarding token manages nobody").isEqualTo(403);

        var created = app.app().audit().list(Optional.of(id), Optional.of("user.created"), Optional.empty(), 10);
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().actorType()).isEqualTo("cli");
        assertThat(created.getFirst().toString()).doesNotContain(password);
        assertThat(app.app().notifications().list(Optional.of(id), Optional.empty(), 10))
                .as("the password is printed, not sent").isEmpty();
    }

    @Test
    void createAdminWhenOnboardedThenLogsInWithTwoFactorsAndManagesUsersOfAnyOffice() {
        var run = createAdmin("--given-names", "Grace Brewster", "--family-name", "Hopper", "--mobile", "0791234567");
        assertThat(run.exit()).as(run.toString()).isZero();
        var admin = run.json();
        var username = admin.get("username").asText();
        assertThat(username).matches("gb\\.hopper[0-9]*");
        assertThat(admin.get("givenNames").toString()).isEqualTo("[\"Grace\",\"Brewster\"]");
        Staff.onboard(http(), username, admin.get("one_time_password").asText(), "Cobol-Compiler-1952");
        var token = Staff.login(http(), username, "Cobol-Compiler-1952");
        assertThat(Staff.meOk(http(), token).get("status").asText()).isEqualTo("active");
        var created = http().postJson("/users", Map.of("givenNames", List.of("Ada"), "familyName", "Byron",
                "systemRole", "LOCAL_SYSTEM_ADMIN", "primaryOfficeId", TestBundles.ILANGA_OFFICE_ID, "email", uniqueEmail()),
                "Authorization", Http.bearer(token));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("createdBy").asText()).isEqualTo(admin.get("id").asText());
        assertThat(Staff.authenticate(http(), username, admin.get("one_time_password").asText()).status())
                .as("the one-time password is spent").isEqualTo(401);
    }

    @Test
    void createAdminWhenNameTakenThenNumericSuffix() {
        var first = createAdmin("--given-names", "Grace", "--family-name", "Murray", "--email", uniqueEmail());
        var second = createAdmin("--given-names", "Grace", "--family-name", "Murray", "--email", uniqueEmail());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(first.json().get("username").asText()).isEqualTo("g.murray");
        assertThat(second.json().get("username").asText()).isEqualTo("g.murray1");
        assertThat(first.json().get("one_time_password").asText())
                .isNotEqualTo(second.json().get("one_time_password").asText());
    }

    @Test
    void createAdminWhenNeitherEmailNorMobileThenExit1WithJsonErrorAndNothingCreated() {
        var before = userCount();
        var run = createAdmin("--given-names", "Grace", "--family-name", "Hopper");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdoutLines()).isEmpty();
        assertThat(run.error().get("error").asText()).isEqualTo("validation_failed");
        assertThat(run.error().get("message").asText()).isNotBlank();
        run.assertNoStackTrace();
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void createAdminWhenContactInvalidOrTakenOrOfficeUnknownThenExit1WithJsonError() {
        var before = userCount();
        var badEmail = createAdmin("--given-names", "Grace", "--family-name", "Hopper", "--email", "not-an-email");
        assertThat(badEmail.exit()).as(badEmail.toString()).isEqualTo(1);
        assertThat(badEmail.error().get("error").asText()).isEqualTo("validation_failed");
        assertThat(badEmail.error().get("message").asText()).contains("email");
        badEmail.assertNoStackTrace();

        var badMobile = createAdmin("--given-names", "Grace", "--family-name", "Hopper", "--mobile", "12345");
        assertThat(badMobile.exit()).as(badMobile.toString()).isEqualTo(1);
        assertThat(badMobile.error().get("error").asText()).isEqualTo("validation_failed");
        assertThat(badMobile.error().get("message").asText()).contains("mobile");
        badMobile.assertNoStackTrace();

        var taken = createAdmin("--given-names", "Grace", "--family-name", "Hopper", "--email", "kalushabwalya17@gmail.com");
        assertThat(taken.exit()).as(taken.toString()).isEqualTo(1);
        assertThat(taken.error().get("error").asText()).isEqualTo("email_taken");
        taken.assertNoStackTrace();

        var office = createAdmin("--given-names", "Grace", "--family-name", "Hopper", "--email", uniqueEmail(),
                "--office", TestBundles.DISTRICT_ID);
        assertThat(office.exit()).as(office.toString()).isEqualTo(1);
        assertThat(office.error().get("error").asText()).isEqualTo("validation_failed");
        assertThat(office.error().get("message").asText()).contains("primaryOfficeId");
        office.assertNoStackTrace();
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void createAdminWhenOfficeGivenThenAdminThere() {
        var run = createAdmin("--given-names", "Grace", "--family-name", "Ilanga", "--email", uniqueEmail(),
                "--office", TestBundles.ILANGA_OFFICE_ID);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().get("primaryOfficeId").asText()).isEqualTo(TestBundles.ILANGA_OFFICE_ID);
        assertThat(run.json().get("systemRole").asText()).isEqualTo("NATIONAL_SYSTEM_ADMIN");
    }

    @Test
    void createAdminWhenRequiredOptionMissingThenNonZeroExitWithUsageAndNothingCreated() {
        var before = userCount();
        var run = createAdmin("--family-name", "Hopper", "--email", uniqueEmail());
        assertThat(run.exit()).as(run.toString()).isNotZero();
        assertThat(run.stderr()).contains("--given-names");
        run.assertNoStackTrace();
        assertThat(userCount()).isEqualTo(before);
    }
}
