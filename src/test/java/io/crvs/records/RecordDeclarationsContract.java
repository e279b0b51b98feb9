package io.crvs.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.Http;
import io.crvs.testkit.TestBundles;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Complete declarations by staff, {@code POST /records} (functional spec §4.1 T2–T4): the status each role's
 * declaration lands in, completeness, the office rule, idempotent resubmission and the document stored.
 */
public abstract class RecordDeclarationsContract extends RecordsContractSupport {

    private JsonNode created(String username, JsonNode bundle, String status) {
        var response = declare(staff(username), bundle);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var body = response.json();
        assertThat(response.header("Location")).hasValue("/records/" + body.path("id").asText());
        assertThat(body.path("status").asText()).isEqualTo(status);
        assertThat(body.path("trackingId").asText()).matches(TRACKING_ID);
        assertThat(body.path("version").asInt()).isEqualTo(1);
        return body;
    }

    @Test
    void declareWhenFieldAgentThenDeclaredAndInRegistrationAgentsReadyForReview() {
        var record = created("k.bwalya", TestBundles.birth().declaration().build(), "DECLARED");
        var id = record.path("id").asText();

        assertThat(record.path("event").asText()).isEqualTo("BIRTH");
        assertThat(record.path("officeId").asText()).isEqualTo(TestBundles.OFFICE_ID);
        assertThat(record.path("name").asText()).isEqualTo("Chanda Mulenga");
        assertThat(record.has("registrationNumber")).isFalse();
        assertThat(ids(queue(staff("f.katongo"), "queue=ready-for-review&count=200"))).contains(id);
        assertThat(ids(queue(staff("k.mweene"), "queue=ready-for-review&count=200"))).contains(id);
        assertThat(ids(queue(staff("k.mweene"), "queue=in-progress&count=200"))).doesNotContain(id);
        var history = history(id, staff("k.mweene")).json();
        assertThat(history.path(0).path("action").asText()).isEqualTo("DECLARED");
        assertThat(history.path(0).path("status").asText()).isEqualTo("DECLARED");
        assertThat(history.path(0).path("actorId").asText()).isEqualTo(app.userId("k.bwalya"));
        assertThat(history.path(0).path("actorRole").asText()).isEqualTo("FIELD_AGENT");
        assertThat(audit(id, "record.declare")).hasSize(1);
    }

    @Test
    void declareWhenRegistrationAgentThenValidatedInRegistrarsReadyForReview() {
        var record = created("f.katongo", TestBundles.birth().declaration().build(), "VALIDATED");
        var id = record.path("id").asText();

        assertThat(ids(queue(staff("k.mweene"), "queue=ready-for-review&count=200"))).contains(id);
        assertThat(ids(queue(staff("f.katongo"), "queue=sent-for-approval&count=200"))).contains(id);
    }

    @Test
    void declareWhenLocalRegistrarThenRegisteredWithRegistrationNumberOnDocument() {
        awayFromMidnight();
        var record = created("k.mweene", TestBundles.death().declaration().build(), "REGISTERED");
        var id = record.path("id").asText();

        var number = record.path("registrationNumber").asText();
        assertThat(number).isEqualTo(TestBundles.today().getYear() + record.path("trackingId").asText());
        assertThat(record.path("registeredAt").asText()).isNotBlank();
        assertThat(ids(queue(staff("k.mweene"), "queue=ready-to-print&count=200"))).contains(id);
        var document = view(id, staff("f.katongo")).json();
        var task = TestBundles.task(document);
        assertThat(task.path("businessStatus").path("coding").path(0).path("code").asText()).isEqualTo("REGISTERED");
        assertThat(task.path("identifier").findValues("value").stream().map(JsonNode::asText)).contains(number);
        assertThat(TestBundles.extension(task, TestBundles.EXT + "regLastUser"))
                .hasValue("Practitioner/" + app.userId("k.mweene"));
        var deceased = TestBundles.section(document, "deceased-details").orElseThrow();
        assertThat(deceased.path("identifier").findValues("value").stream().map(JsonNode::asText)).contains(number);
    }

    @Test
    void historyWhenDeclaredByEachRoleThenFirstLineNamesWhatHappened() {
        var declared = created("k.bwalya", TestBundles.birth().declaration().build(), "DECLARED");
        var validated = created("f.katongo", TestBundles.birth().declaration().build(), "VALIDATED");
        var registered = created("k.mweene", TestBundles.birth().declaration().build(), "REGISTERED");

        var first = history(declared.path("id").asText(), staff("k.mweene")).json().path(0);
        assertThat(first.path("action").asText()).isEqualTo("DECLARED");
        first = history(validated.path("id").asText(), staff("k.mweene")).json().path(0);
        assertThat(first.path("action").asText()).isEqualTo("VALIDATED");
        assertThat(first.path("status").asText()).isEqualTo("VALIDATED");
        first = history(registered.path("id").asText(), staff("k.mweene")).json().path(0);
        assertThat(first.path("action").asText()).isEqualTo("REGISTERED");
        assertThat(first.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(first.path("details").asText()).contains(registered.path("registrationNumber").asText());
    }

    @Test
    void declareWhenNationalRegistrarForAnyOfficeThenRegistered() {
        var record = created("j.musonda", TestBundles.birth().declaration().build(), "REGISTERED");

        assertThat(record.path("officeId").asText()).isEqualTo(TestBundles.OFFICE_ID);
    }

    @Test
    void declareWhenIncompleteThen422ListingFieldsAndNothingStored() {
        var before = queue(staff("k.mweene"), "queue=ready-for-review&count=1").json().path("totalItems").asInt();

        var response = declare(staff("k.bwalya"), TestBundles.birth().declaration().incomplete().build());

        assertProblem(response, 422, "incomplete_declaration");
        assertThat(response.json().path("errors").findValues("field").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("informant.informantType", "informant.registrationEmail");
        assertThat(queue(staff("k.mweene"), "queue=ready-for-review&count=1").json().path("totalItems").asInt())
                .isEqualTo(before);
    }

    @Test
    void declareWhenChildHasNoNameOrSexThen422NamingThem() {
        var bundle = TestBundles.birth().declaration().build();
        var child = TestBundles.section(bundle, "child-details").orElseThrow();
        child.remove("name");
        child.remove("gender");

        var response = declare(staff("f.katongo"), bundle);

        assertProblem(response, 422, "incomplete_declaration");
        assertThat(response.json().path("errors").findValues("field").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("child.firstNames", "child.familyName", "child.gender");
    }

    @Test
    void declareWhenEmailMissingOrContactsMalformedOrDatesImpossibleThen422SayingWhich() {
        var noEmail = TestBundles.birth().declaration().build();
        TestBundles.removeExtension(TestBundles.task(noEmail), TestBundles.EXT + "contact-person-email");
        var badEmail = TestBundles.birth().declaration().build();
        TestBundles.setStringExtension(TestBundles.task(badEmail), TestBundles.EXT + "contact-person-email", "not-an-email");
        var badPhone = TestBundles.birth().declaration().build();
        TestBundles.setStringExtension(TestBundles.task(badPhone), TestBundles.EXT + "contact-person-phone-number", "12");
        var youngMother = TestBundles.birth().declaration().build();
        TestBundles.section(youngMother, "mother-details").orElseThrow().put("birthDate", TestBundles.today().toString());
        var bornAfterDeath = TestBundles.death().declaration().build();
        TestBundles.section(bornAfterDeath, "deceased-details").orElseThrow().put("birthDate", TestBundles.today().toString());

        assertFieldError(declare(staff("f.katongo"), noEmail), "informant.registrationEmail", "is required");
        assertFieldError(declare(staff("f.katongo"), badEmail), "informant.registrationEmail", "not an email address");
        assertFieldError(declare(staff("f.katongo"), badPhone), "informant.registrationPhone", "not a phone number");
        assertFieldError(declare(staff("f.katongo"), youngMother), "mother.birthDate", "not before the child's");
        assertFieldError(declare(staff("f.katongo"), bornAfterDeath), "deceased.birthDate", "after the date of death");
    }

    private static void assertFieldError(Http.Response response, String field, String message) {
        assertProblem(response, 422, "incomplete_declaration");
        assertThat(response.json().path("errors")).as(response.toString()).hasSize(1);
        assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("errors").path(0).path("message").asText()).isEqualTo(message);
    }

    @Test
    void declareWhenForAnotherOfficeByLocalStaffThen403OtherOffice() {
        var bundle = TestBundles.birth().declaration().office(TestBundles.ILANGA_OFFICE_ID).build();

        assertProblem(declare(staff("k.bwalya"), bundle), 403, "other_office");
        assertProblem(declare(staff("f.katongo"), bundle), 403, "other_office");
        assertProblem(declare(staff("k.mweene"), bundle), 403, "other_office");
    }

    @Test
    void declareWhenLateBirthByRegistrarThenReasonRequiredUnlessInDeclaration() {
        awayFromMidnight();
        var late = declare(staff("k.mweene"), TestBundles.birth().declaration().bornDaysAgo(40).build());
        assertProblem(late, 422, "late_registration_reason_required");

        created("k.mweene", TestBundles.birth().declaration().bornDaysAgo(40).lateReason("Remote village").build(),
                "REGISTERED");
        created("f.katongo", TestBundles.birth().declaration().bornDaysAgo(40).build(), "VALIDATED");
    }

    @Test
    void declareWhenSameBundleTwiceThenSameRecord() {
        var bundle = TestBundles.birth().declaration().build();
        var first = created("k.bwalya", bundle, "DECLARED");

        var second = declare(staff("k.bwalya"), bundle);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.json().path("trackingId").asText()).isEqualTo(first.path("trackingId").asText());
    }

    @Test
    void declareWhenClientOrAdminThen403() {
        assertProblem(declare(health().bearer(), TestBundles.birth().declaration().build()), 403, "staff_only");
        assertProblem(declare(staff("e.mayuka"), TestBundles.birth().declaration().build()), 403, "insufficient_scope");
    }

    @Test
    void declareWhenBrokenBundleThen400OperationOutcome() {
        var bundle = TestBundles.birth().declaration().build();
        TestBundles.task(bundle).putObject("focus").put("reference", "urn:uuid:nowhere");

        assertOutcome(declare(staff("k.bwalya"), bundle), "Bundle.entry[1].resource.focus");
    }

    @Test
    void declareWhenContentTypeNotJsonThen415ProblemAndWhenFhirJsonOrNoneThenDeclared() {
        var body = TestBundles.json(TestBundles.birth().declaration().build());

        var text = http().send("POST", "/records", body, "Authorization", staff("k.bwalya"), "Content-Type", "text/plain");
        var fhirJson = http().send("POST", "/records", TestBundles.json(TestBundles.birth().declaration().build()),
                "Authorization", staff("k.bwalya"), "Content-Type", "application/fhir+json; charset=utf-8");
        var none = http().send("POST", "/records", TestBundles.json(TestBundles.birth().declaration().build()),
                "Authorization", staff("k.bwalya"));

        assertProblem(text, 415, "unsupported_media_type");
        assertThat(text.json().path("detail").asText()).contains("application/json", "application/fhir+json");
        assertThat(fhirJson.status()).as(fhirJson.toString()).isEqualTo(201);
        assertThat(none.status()).as(none.toString()).isEqualTo(201);
    }

    @Test
    void declareWhenTaskNotDraftThenAcceptedUnlikeNotifications() {
        var bundle = TestBundles.birth().declaration().build();
        TestBundles.task(bundle).put("status", "requested");

        created("k.bwalya", bundle, "DECLARED");
    }

    @Test
    void declareWhenInformantRelationshipInR4FormThenInformantTypeRead() {
        var bundle = TestBundles.birth().declaration().r4Relationship().build();

        created("f.katongo", bundle, "VALIDATED");
    }

    @Test
    void viewWhenValidR4DeclarationStoredThenDocumentIsStrictlyValidFhir() {
        var record = created("k.mweene", TestBundles.birth().declaration().r4Relationship().build(), "REGISTERED");

        var response = view(record.path("id").asText(), staff("k.mweene"));

        var document = strictParser().parseResource(Bundle.class, response.body());
        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(document.getEntry()).hasSize(6);
    }
}
