package io.crvs.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.testkit.Concurrently;
import io.crvs.testkit.Http.Response;
import io.crvs.testkit.TestBundles;
import io.crvs.testkit.TestBundles.Sample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registration workflow over real HTTP (functional spec §4.1): validate, register, reject, archive, reinstate
 * and update, who may do each from which status, the office rule, completeness, late and delayed registration,
 * optimistic concurrency and the work queues each step moves a record through.
 */
public abstract class RecordWorkflowContract extends RecordsContractSupport {
    private static final String REGISTRATION_NUMBER = "http://opencrvs.org/specs/id/birth-registration-number";

    private String hospital;

    private String hospital() {
        if (hospital == null) {
            hospital = health().bearer();
        }
        return hospital;
    }

    /** A new IN_PROGRESS record from a health system. */
    private String notified(ObjectNode bundle) {
        return notifyOk(hospital(), bundle);
    }

    /** A complete, recent birth notification. */
    private String notified() {
        return notified(TestBundles.birth().build());
    }

    private String validated() {
        var id = notified();
        assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        return id;
    }

    private String registered() {
        var id = validated();
        assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");
        return id;
    }

    private static JsonNode assertStatus(Response response, String status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo(status);
        return response.json();
    }

    private List<String> inQueue(String username, String queue) {
        return ids(queue(staff(username), "queue=" + queue + "&count=200"));
    }

    /** The history's actions other than views, in order. */
    private List<String> changes(String id) {
        return actions(history(id, staff("k.mweene"))).stream().filter(a -> !a.equals("VIEWED")).toList();
    }

    private JsonNode document(String id) {
        var response = view(id, staff("k.mweene"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void workflowWhenNotifiedThenValidatedThenRegisteredMovesThroughQueuesAndGetsRegistrationNumber() {
        awayFromMidnight();
        var sample = TestBundles.withNewIdentifier(TestBundles.sample(Sample.BIRTH_MIN));
        TestBundles.withEventDate(sample, TestBundles.today().minusDays(5));
        var notified = notify(hospital(), sample);
        var id = recordId(notified);
        var trackingId = notified.json().path("identifier").path("value").asText();
        assertThat(inQueue("f.katongo", "in-progress")).contains(id);

        var validated = act(id, "validate", staff("f.katongo"));

        assertThat(assertStatus(validated, "VALIDATED").path("version").asInt()).isEqualTo(2);
        assertThat(validated.header("ETag")).hasValue("\"2\"");
        assertThat(inQueue("f.katongo", "in-progress")).doesNotContain(id);
        assertThat(inQueue("f.katongo", "ready-for-review")).doesNotContain(id);
        assertThat(inQueue("f.katongo", "sent-for-approval")).contains(id);
        assertThat(inQueue("k.mweene", "ready-for-review")).contains(id);

        var registered = assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");

        var number = registered.path("registrationNumber").asText();
        var registeredAt = Instant.parse(registered.path("registeredAt").asText());
        assertThat(number).isEqualTo(registeredAt.atZone(ZoneOffset.UTC).getYear() + trackingId);
        assertThat(number).matches("^\\d{4}B[A-Z0-9]{6}$").startsWith(String.valueOf(TestBundles.today().getYear()));
        assertThat(registered.path("trackingId").asText()).isEqualTo(trackingId);
        assertThat(inQueue("k.mweene", "ready-for-review")).doesNotContain(id);
        assertThat(inQueue("k.mweene", "ready-to-print")).contains(id);
        assertThat(inQueue("f.katongo", "ready-to-print")).contains(id);

        var document = document(id);
        var task = TestBundles.task(document);
        assertThat(task.path("businessStatus").path("coding").path(0).path("code").asText()).isEqualTo("REGISTERED");
        assertThat(identifiers(task, REGISTRATION_NUMBER)).containsExactly(number);
        assertThat(TestBundles.extension(task, TestBundles.EXT + "regLastUser"))
                .hasValue("Practitioner/" + app.userId("k.mweene"));
        var child = TestBundles.section(document, "child-details").orElseThrow();
        assertThat(child.path("identifier")).anySatisfy(identifier -> {
            assertThat(identifier.path("type").path("coding").path(0).path("code").asText())
                    .isEqualTo("BIRTH_REGISTRATION_NUMBER");
            assertThat(identifier.path("value").asText()).isEqualTo(number);
        });
        assertThat(changes(id)).containsExactly("NOTIFIED", "VALIDATED", "REGISTERED");
        var audit = audit(id, "record.register");
        assertThat(audit).hasSize(1);
        assertThat(json(audit.getFirst().details()).path("registration_number").asText()).isEqualTo(number);
    }

    @Test
    void registerWhenDeathThenDeathRegistrationNumberOnTaskAndDeceased() {
        var id = notified(TestBundles.death().diedDaysAgo(2).build());

        var registered = assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");

        var number = registered.path("registrationNumber").asText();
        assertThat(number).matches("^\\d{4}D[A-Z0-9]{6}$");
        var document = document(id);
        assertThat(identifiers(TestBundles.task(document), "http://opencrvs.org/specs/id/death-registration-number"))
                .containsExactly(number);
        var deceased = TestBundles.section(document, "deceased-details").orElseThrow();
        assertThat(deceased.path("identifier").findValues("code").stream().map(JsonNode::asText))
                .contains("DEATH_REGISTRATION_NUMBER");
    }

    @Test
    void registerWhenRegistrationAgentThen403InsufficientScope() {
        var id = validated();

        assertProblem(act(id, "register", staff("f.katongo")), 403, "insufficient_scope");
        assertThat(changes(id)).containsExactly("NOTIFIED", "VALIDATED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "register", "reject", "archive", "reinstate"})
    void actWhenFieldAgentThen403InsufficientScope(String action) {
        var id = notified();

        assertProblem(act(id, action, staff("k.bwalya"), Map.of("reason", "other")), 403, "insufficient_scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "register", "reject", "archive", "reinstate"})
    void actWhenNationalSystemAdminThen403InsufficientScope(String action) {
        var id = notified();

        assertProblem(act(id, action, staff("j.campbell"), Map.of("reason", "other")), 403, "insufficient_scope");
    }

    @Test
    void validateWhenAlreadyValidatedThen409InvalidTransition() {
        var id = validated();

        assertProblem(act(id, "validate", staff("f.katongo")), 409, "invalid_transition");
        assertProblem(act(id, "validate", staff("k.mweene")), 403, "insufficient_scope");
    }

    @Test
    void actionsWhenRegisteredThen409InvalidTransitionAndNothingChanges() {
        var id = registered();
        var before = history(id, staff("k.mweene")).json();

        assertProblem(act(id, "validate", staff("f.katongo")), 409, "invalid_transition");
        assertProblem(act(id, "register", staff("k.mweene")), 409, "invalid_transition");
        assertProblem(act(id, "reject", staff("k.mweene"), Map.of("reason", "other")), 409, "invalid_transition");
        assertProblem(act(id, "archive", staff("k.mweene")), 409, "invalid_transition");
        assertProblem(act(id, "reinstate", staff("k.mweene")), 409, "invalid_transition");
        assertProblem(update(id, staff("k.mweene"), TestBundles.birth().build()), 409, "invalid_transition");

        var after = history(id, staff("k.mweene")).json();
        assertThat(after).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.katongo", "k.mweene"})
    void reinstateWhenNotArchivedThen409InvalidTransition(String username) {
        var id = notified();

        assertProblem(act(id, "reinstate", staff(username)), 409, "invalid_transition");
    }

    @ParameterizedTest
    @CsvSource({"d.bulaya,validate", "d.bulaya,register", "d.bulaya,reject", "d.bulaya,archive", "j.mutale,validate",
            "j.mutale,archive"})
    void actWhenStaffOfAnotherOfficeThen403OtherOffice(String username, String action) {
        var id = notified();

        assertProblem(act(id, action, staff(username), Map.of("reason", "other")), 403, "other_office");
        assertProblem(update(id, staff(username), TestBundles.birth().build()), 403, "other_office");
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @Test
    void registerWhenNationalRegistrarThenAllowedOnAnyOfficeAndTheRecordMovesToTheirOffice() {
        var id = notified();

        var registered = assertStatus(act(id, "register", staff("j.musonda")), "REGISTERED");

        assertThat(registered.path("officeId").asText()).as("regLastOffice follows the last actor").isEqualTo(TestBundles.HQ_OFFICE_ID);
        assertThat(registered.path("locationId").asText()).isEqualTo(TestBundles.HQ_DISTRICT_ID);
        var entries = history(id, staff("j.musonda")).json();
        var last = entries.get(entries.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("REGISTERED");
        assertThat(last.path("actorRole").asText()).isEqualTo("NATIONAL_REGISTRAR");
        assertThat(last.path("officeId").asText()).isEqualTo(TestBundles.HQ_OFFICE_ID);
        assertThat(json(last.path("details").asText()).path("moved_from_office").asText()).isEqualTo(TestBundles.OFFICE_ID);
        var task = TestBundles.task(document(id));
        assertThat(task.path("extension").findValues("reference").stream().map(JsonNode::asText))
                .contains("Location/" + TestBundles.HQ_OFFICE_ID, "Location/" + TestBundles.HQ_DISTRICT_ID)
                .doesNotContain("Location/" + TestBundles.OFFICE_ID);
        assertThat(inQueue("j.musonda", "ready-to-print")).contains(id);
        assertThat(inQueue("k.mweene", "ready-to-print")).doesNotContain(id);
    }

    @Test
    void rejectWhenNoOrUnknownReasonThen400NamingReason() {
        var id = notified();

        var none = act(id, "reject", staff("f.katongo"));
        var unknown = act(id, "reject", staff("f.katongo"), Map.of("reason", "typo"));

        assertProblem(none, 400, "validation_failed");
        assertThat(none.json().path("errors").findValues("field").stream().map(JsonNode::asText)).contains("reason");
        assertProblem(unknown, 400, "validation_failed");
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicate", "misspelling", "missing_supporting_doc", "other"})
    void rejectWhenReasonGivenThenRejectedInRequiresUpdatesAndValidatableAgain(String reason) {
        var id = validated();

        var rejected = assertStatus(act(id, "reject", staff("k.mweene"),
                Map.of("reason", reason, "comment", "Mother's name misspelt")), "REJECTED");

        assertThat(rejected.path("version").asInt()).isEqualTo(3);
        assertThat(inQueue("f.katongo", "requires-updates")).contains(id);
        assertThat(inQueue("k.mweene", "ready-for-review")).doesNotContain(id);
        var task = TestBundles.task(document(id));
        assertThat(task.path("statusReason").path("text").asText()).isEqualTo(reason);
        assertThat(task.path("note").path(0).path("text").asText()).isEqualTo("Mother's name misspelt");
        var entries = history(id, staff("k.mweene")).json();
        var rejection = entries.get(2);
        assertThat(rejection.path("action").asText()).isEqualTo("REJECTED");
        assertThat(rejection.path("reason").asText()).isEqualTo(reason);
        assertThat(rejection.path("comment").asText()).isEqualTo("Mother's name misspelt");

        assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        assertThat(inQueue("f.katongo", "requires-updates")).doesNotContain(id);
    }

    @Test
    void rejectWhenCommentsAreHugeThenAcceptedOrRefusedNeverAServerError() {
        var id = notified();
        var comment = "c".repeat(600_000);

        for (int round = 0; round < 2; round++) {
            var rejected = act(id, "reject", staff("f.katongo"), Map.of("reason", "other", "comment", comment));
            assertThat(rejected.status()).as(rejected.toString()).isIn(200, 400);
            if (rejected.status() == 400) {
                assertProblem(rejected, 400, "validation_failed");
                return;
            }
            assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        }
        assertThat(view(id, staff("k.mweene")).status()).isEqualTo(200);
    }

    @Test
    void actWhenCommentOrReasonOver1000CharactersThen400NamingTheField() {
        var id = notified(TestBundles.birth().bornDaysAgo(60).build());

        var comment = act(id, "reject", staff("f.katongo"), Map.of("reason", "other", "comment", "c".repeat(1001)));
        var archive = act(id, "archive", staff("f.katongo"), Map.of("reason", "r".repeat(1001)));
        var late = act(id, "register", staff("k.mweene"), Map.of("reasonForLateRegistration", "l".repeat(1001)));

        assertProblem(comment, 400, "validation_failed");
        assertThat(comment.json().path("errors").path(0).path("field").asText()).isEqualTo("comment");
        assertProblem(archive, 400, "validation_failed");
        assertThat(archive.json().path("errors").path(0).path("field").asText()).isEqualTo("reason");
        assertProblem(late, 400, "validation_failed");
        assertThat(late.json().path("errors").path(0).path("field").asText()).isEqualTo("reasonForLateRegistration");
        assertThat(changes(id)).containsExactly("NOTIFIED");
        assertStatus(act(id, "reject", staff("f.katongo"), Map.of("reason", "other", "comment", "c".repeat(1000))),
                "REJECTED");
        assertThat(history(id, staff("k.mweene")).json().path(1).path("comment").asText()).hasSize(1000);
    }

    @Test
    void rejectWhenInProgressByRegistrationAgentThenRejected() {
        var id = notified();

        assertStatus(act(id, "reject", staff("f.katongo"), Map.of("reason", "missing_supporting_doc")), "REJECTED");
        assertProblem(act(id, "reject", staff("f.katongo"), Map.of("reason", "other")), 409, "invalid_transition");
        assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN_PROGRESS", "VALIDATED", "REJECTED"})
    void reinstateWhenArchivedThenBackToStatusBeforeArchiving(String before) {
        var id = notified();
        if (!before.equals("IN_PROGRESS")) {
            assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        }
        if (before.equals("REJECTED")) {
            assertStatus(act(id, "reject", staff("k.mweene"), Map.of("reason", "duplicate")), "REJECTED");
        }

        assertStatus(act(id, "archive", staff("f.katongo"), Map.of("reason", "duplicate", "comment", "Same as B123")),
                "ARCHIVED");

        for (var queue : List.of("in-progress", "ready-for-review", "requires-updates", "sent-for-approval", "ready-to-print")) {
            assertThat(inQueue("k.mweene", queue)).as(queue).doesNotContain(id);
        }
        assertProblem(act(id, "archive", staff("k.mweene")), 409, "invalid_transition");
        assertProblem(act(id, "validate", staff("f.katongo")), 409, "invalid_transition");
        assertProblem(act(id, "register", staff("k.mweene")), 409, "invalid_transition");

        assertStatus(act(id, "reinstate", staff("k.mweene")), before);
        assertThat(changes(id)).endsWith("ARCHIVED", "REINSTATED");
    }

    @Test
    void reinstateWhenArchivedTwiceThenBackToStatusBeforeTheLastArchiving() {
        var id = notified();
        assertStatus(act(id, "archive", staff("f.katongo")), "ARCHIVED");
        assertStatus(act(id, "reinstate", staff("f.katongo")), "IN_PROGRESS");
        assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        assertStatus(act(id, "archive", staff("k.mweene")), "ARCHIVED");

        assertStatus(act(id, "reinstate", staff("k.mweene")), "VALIDATED");
    }

    @Test
    void validateWhenNotificationIncompleteThen422ListingMissingFields() {
        var id = notified(TestBundles.birth().incomplete().build());

        var response = act(id, "validate", staff("f.katongo"));

        assertProblem(response, 422, "incomplete_declaration");
        var fields = response.json().path("errors").findValues("field").stream().map(JsonNode::asText).toList();
        assertThat(fields).containsExactlyInAnyOrder("informant.informantType", "informant.registrationEmail");
        assertProblem(act(id, "register", staff("k.mweene")), 422, "incomplete_declaration");
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @Test
    void validateWhenDeathMinSampleMadeRecentThenComplete() {
        var sample = TestBundles.withNewIdentifier(TestBundles.sample(Sample.DEATH_MIN));
        TestBundles.withEventDate(sample, TestBundles.today().minusDays(10));
        var id = notified(sample);

        assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");
    }

    @Test
    void updateWhenCompletedBundleThenDeclarationUpdatedAndValidatable() {
        var id = notified(TestBundles.birth().incomplete().build());

        var updated = update(id, staff("f.katongo"), TestBundles.birth().subjectName("Bwalya", "Phiri").build());

        var summary = assertStatus(updated, "IN_PROGRESS");
        assertThat(summary.path("name").asText()).isEqualTo("Bwalya Phiri");
        assertThat(summary.path("version").asInt()).isEqualTo(2);
        assertThat(changes(id)).containsExactly("NOTIFIED", "DECLARATION_UPDATED");
        var document = document(id);
        var child = TestBundles.section(document, "child-details").orElseThrow();
        assertThat(child.path("name").path(0).path("family").asText()).isEqualTo("Phiri");
        var task = TestBundles.task(document);
        assertThat(task.path("identifier").findValues("system").stream().map(JsonNode::asText))
                .contains("http://opencrvs.org/specs/id/birth-tracking-id", "http://opencrvs.org/specs/id/system_identifier");
        assertThat(TestBundles.composition(document).path("id").asText()).isEqualTo(id);

        assertStatus(act(id, "validate", staff("f.katongo")), "VALIDATED");
        assertThat(changes(id)).containsExactly("NOTIFIED", "DECLARATION_UPDATED", "VALIDATED");
    }

    @Test
    void updateWhenNoIfMatchThen428AndDeclarationUnchanged() {
        var id = notified(TestBundles.birth().incomplete().build());

        var response = updateWithHeaders(id, staff("f.katongo"), TestBundles.birth().subjectName("Bwalya", "Phiri").build());

        assertProblem(response, 428, "if_match_required");
        assertThat(changes(id)).containsExactly("NOTIFIED");
        var child = TestBundles.section(document(id), "child-details").orElseThrow();
        assertThat(child.path("name").path(0).path("family").asText()).isEqualTo("Mulenga");
    }

    @Test
    void updateWhenTwoEditorsSaveTheVersionTheyReadAtOnceThenOne200AndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            var id = notified(TestBundles.birth().incomplete().build());
            var responses = together(
                    () -> update(id, staff("f.katongo"), TestBundles.birth().subjectName("Alice", "Banda").build(), "If-Match", "\"1\""),
                    () -> update(id, staff("k.mweene"), TestBundles.birth().subjectName("Betty", "Banda").build(), "If-Match", "\"1\""));

            assertThat(responses.stream().filter(r -> r.status() == 200)).as(responses.toString()).hasSize(1);
            assertProblem(responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow(), 409, "version_conflict");
            assertThat(changes(id)).containsExactly("NOTIFIED", "DECLARATION_UPDATED");
        }
    }

    @Test
    void updateWhenValidatedDeclarationWouldLoseARequiredFieldThen422AndUnchanged() {
        var id = validated();

        var response = update(id, staff("k.mweene"), TestBundles.birth().withoutContact().build());

        assertProblem(response, 422, "incomplete_declaration");
        assertThat(changes(id)).containsExactly("NOTIFIED", "VALIDATED");
        assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");
    }

    @Test
    void updateThenHistoryAndAuditNameTheChangedFieldsAndTheActorsRoleAndOffice() {
        var id = notified(TestBundles.birth().incomplete().build());

        var updated = update(id, staff("f.katongo"), TestBundles.birth().incomplete().subjectName("Bwalya", "Phiri").build());

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        var line = StreamSupport.stream(history(id, staff("k.mweene")).json().spliterator(), false)
                .filter(e -> e.path("action").asText().equals("DECLARATION_UPDATED")).findFirst().orElseThrow();
        var changed = json(line.path("details").asText()).path("changed");
        assertThat(StreamSupport.stream(changed.spliterator(), false).map(JsonNode::asText))
                .containsExactly("child-details.name", "mother-details.name");
        var audit = audit(id, "record.update");
        assertThat(audit).hasSize(1);
        var details = json(audit.getFirst().details());
        assertThat(details.path("actor_role").asText()).isEqualTo("REGISTRATION_AGENT");
        assertThat(details.path("actor_office").asText()).isEqualTo(TestBundles.OFFICE_ID);
        assertThat(details.path("changed")).isEqualTo(changed);
        assertThat(audit.getFirst().details()).doesNotContain("Phiri").doesNotContain("Bwalya");
    }

    @Test
    void updateWhenContentTypeNotJsonThen415ProblemAndNothingChanges() {
        var id = notified();

        var text = http().send("PUT", "/records/" + id, TestBundles.json(TestBundles.birth().build()),
                "Authorization", staff("f.katongo"), "Content-Type", "application/x-www-form-urlencoded");

        assertProblem(text, 415, "unsupported_media_type");
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    /** The staff API takes back the document it serves (with its Bundle.id), unlike OpenCRVS's notification schema. */
    @Test
    void updateWhenDocumentAsReadSentBackThenAccepted() {
        var id = notified();
        var document = (ObjectNode) document(id);
        assertThat(document.has("id")).isTrue();

        var updated = update(id, staff("f.katongo"), document);

        assertStatus(updated, "IN_PROGRESS");
        assertThat(changes(id)).containsExactly("NOTIFIED", "DECLARATION_UPDATED");
    }

    @Test
    void updateWhenFieldAgentThen403AndWhenOfficeOrEventChangesThen400() {
        var id = notified();

        assertProblem(update(id, staff("k.bwalya"), TestBundles.birth().build()), 403, "insufficient_scope");
        var otherOffice = update(id, staff("k.mweene"), TestBundles.birth().office(TestBundles.ILANGA_OFFICE_ID).build());
        assertThat(otherOffice.status()).as(otherOffice.toString()).isEqualTo(400);
        var otherEvent = update(id, staff("k.mweene"), TestBundles.death().build());
        assertThat(otherEvent.status()).as(otherEvent.toString()).isEqualTo(400);
        var broken = update(id, staff("k.mweene"), TestBundles.parse("{\"resourceType\":\"Bundle\"}"));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @ParameterizedTest
    @CsvSource({"30,false", "31,true", "365,true", "366,true"})
    void registerWhenBirthThatOldThenReasonRequiredOnlyAfterThirtyDays(int days, boolean reasonRequired) {
        awayFromMidnight();
        var id = notified(TestBundles.birth().bornDaysAgo(days).build());

        var response = act(id, "register", staff("k.mweene"));

        if (!reasonRequired) {
            assertStatus(response, "REGISTERED");
            return;
        }
        assertProblem(response, 422, "late_registration_reason_required");
        assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo("reasonForLateRegistration");
        assertThat(response.json().path("errors").path(0).path("message").asText())
                .contains(days <= 365 ? "late" : "delayed");
        var registered = act(id, "register", staff("k.mweene"), Map.of("reasonForLateRegistration", "Born at home"));
        assertStatus(registered, "REGISTERED");
        var task = TestBundles.task(document(id));
        assertThat(TestBundles.extension(task, TestBundles.LATE_REASON)).hasValue("Born at home");
    }

    @ParameterizedTest
    @CsvSource({"45,false", "46,true", "400,true"})
    void registerWhenDeathThatOldThenReasonRequiredOnlyAfterFortyFiveDays(int days, boolean reasonRequired) {
        awayFromMidnight();
        var id = notified(TestBundles.death().diedDaysAgo(days).build());

        var response = act(id, "validate", staff("f.katongo"));
        assertStatus(response, "VALIDATED");
        var registered = act(id, "register", staff("k.mweene"));

        if (reasonRequired) {
            assertProblem(registered, 422, "late_registration_reason_required");
            assertThat(registered.json().path("errors").path(0).path("message").asText()).contains("delayed");
        } else {
            assertStatus(registered, "REGISTERED");
        }
    }

    @Test
    void registerWhenLateReasonInDeclarationThenNoReasonNeededInRequest() {
        var id = notified(TestBundles.birth().bornDaysAgo(100).lateReason("Mother was ill").build());

        assertStatus(act(id, "register", staff("k.mweene")), "REGISTERED");
    }

    @Test
    void registerWhenLateReasonLongerThanTheFormsTwoHundredFiftyCharactersThen400() {
        var id = notified(TestBundles.birth().bornDaysAgo(100).build());

        var response = act(id, "register", staff("k.mweene"), Map.of("reasonForLateRegistration", "x".repeat(251)));

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo("reasonForLateRegistration");
        assertStatus(act(id, "register", staff("k.mweene"), Map.of("reasonForLateRegistration", "x".repeat(250))), "REGISTERED");
    }

    @Test
    void queueWhenAnIntegrationClientAsksThen403BeforeAnyParameterCheck() {
        assertProblem(queue(hospital(), "queue=in-progress"), 403, "staff_only");
        assertProblem(queue(hospital(), ""), 403, "staff_only");
    }

    @Test
    void registerWhenBlankReasonThen422() {
        var id = notified(TestBundles.birth().bornDaysAgo(100).build());

        assertProblem(act(id, "register", staff("k.mweene"), Map.of("reasonForLateRegistration", "  ")), 422,
                "late_registration_reason_required");
    }

    @Test
    void actWhenStaleIfMatchThen409VersionConflictAndCurrentIfMatchThen200() {
        var id = notified();
        assertStatus(act(id, "validate", staff("f.katongo"), null, "If-Match", "\"1\""), "VALIDATED");

        assertProblem(act(id, "register", staff("k.mweene"), null, "If-Match", "\"1\""), 409, "version_conflict");
        assertProblem(act(id, "register", staff("k.mweene"), Map.of("version", 1)), 409, "version_conflict");
        assertStatus(act(id, "register", staff("k.mweene"), null, "If-Match", "W/\"2\""), "REGISTERED");
    }

    @Test
    void actWhenIfMatchAndBodyVersionDisagreeOrIfMatchNotANumberThen400() {
        var id = notified();

        var disagree = act(id, "validate", staff("f.katongo"), Map.of("version", 2), "If-Match", "\"1\"");
        var garbage = act(id, "validate", staff("f.katongo"), null, "If-Match", "\"abc\"");

        assertProblem(disagree, 400, "validation_failed");
        assertProblem(garbage, 400, "validation_failed");
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @Test
    void actWhenIfMatchIsAStarThenAnyCurrentVersionMatches() {
        var id = validated();

        assertStatus(act(id, "register", staff("k.mweene"), null, "If-Match", "*"), "REGISTERED");
    }

    @Test
    void actWhenBodyMalformedOrUnknownFieldOrNotJsonThen4xxAndNothingChanges() {
        var id = notified();
        var path = "/records/" + id + "/validate";

        var malformed = http().send("POST", path, "{\"comment\": ", "Authorization", staff("f.katongo"),
                "Content-Type", "application/json");
        var unknown = act(id, "validate", staff("f.katongo"), Map.of("version", 1, "force", true));
        var wrongType = act(id, "validate", staff("f.katongo"), Map.of("version", "one"));
        var text = http().send("POST", path, "validate please", "Authorization", staff("f.katongo"),
                "Content-Type", "text/plain");

        assertProblem(malformed, 400, "malformed_json");
        assertProblem(unknown, 400, "validation_failed");
        assertProblem(wrongType, 400, "validation_failed");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        assertThat(changes(id)).containsExactly("NOTIFIED");
    }

    @Test
    void updateWhenStaleIfMatchThen409VersionConflict() {
        var id = validated();

        assertProblem(update(id, staff("k.mweene"), TestBundles.birth().build(), "If-Match", "\"1\""), 409,
                "version_conflict");
    }

    @Test
    void actWhenTwoRequestsWithSameIfMatchAtOnceThenOne200AndOne409VersionConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            var id = validated();
            var responses = together(
                    () -> act(id, "register", staff("k.mweene"), null, "If-Match", "\"2\""),
                    () -> act(id, "reject", staff("j.musonda"), Map.of("reason", "other"), "If-Match", "\"2\""));

            assertThat(responses.stream().filter(r -> r.status() == 200)).as(responses.toString()).hasSize(1);
            var refused = responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertProblem(refused, 409, "version_conflict");
            assertThat(changes(id)).hasSize(3);
        }
    }

    @Test
    void actWhenTwoRegistrarsRegisterAtOnceThenOneRegistrationAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            var id = validated();
            var responses = together(() -> act(id, "register", staff("k.mweene")),
                    () -> act(id, "register", staff("j.musonda")));

            assertThat(responses.stream().filter(r -> r.status() == 200)).as(responses.toString()).hasSize(1);
            var refused = responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isIn("version_conflict", "invalid_transition");
            assertThat(changes(id)).containsExactly("NOTIFIED", "VALIDATED", "REGISTERED");
        }
    }

    @SafeVarargs
    private static List<Response> together(Callable<Response>... calls) {
        var list = new ArrayList<Callable<Response>>();
        for (var call : calls) {
            list.add(call);
        }
        return Concurrently.run(list);
    }

    @Test
    void actWhenRecordUnknownThen404RecordNotFound() {
        var unknown = java.util.UUID.randomUUID().toString();

        assertProblem(act(unknown, "validate", staff("f.katongo")), 404, "record_not_found");
        assertProblem(act(unknown, "register", staff("k.mweene")), 404, "record_not_found");
        assertProblem(update(unknown, staff("k.mweene"), TestBundles.birth().build()), 404, "record_not_found");
    }

    private static List<String> identifiers(JsonNode resource, String system) {
        var values = new ArrayList<String>();
        for (var identifier : resource.path("identifier")) {
            if (system.equals(identifier.path("system").asText())) {
                values.add(identifier.path("value").asText());
            }
        }
        return values;
    }
}
