package io.crvs.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.testkit.TestBundles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading records over real HTTP: every view leaves a history line and an audit entry, history is listed in order
 * and never rewritten, who may read whose records, and the office work queues with their paging and office rule.
 */
public abstract class RecordViewsContract extends RecordsContractSupport {
    private static final String USER_AGENT = "crvs-contract-test/1.0";

    @Test
    void viewWhenRegistrarReadsThenViewedHistoryLineWithActorRoleOfficeIpAndUserAgentAndAudit() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        var response = view(id, staff("k.mweene"), "User-Agent", USER_AGENT, "X-Forwarded-For", "203.0.113.9");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var history = history(id, staff("k.mweene")).json();
        assertThat(history).hasSize(2);
        var viewed = history.get(1);
        assertThat(viewed.path("action").asText()).isEqualTo("VIEWED");
        assertThat(viewed.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(viewed.path("actorType").asText()).isEqualTo("user");
        assertThat(viewed.path("actorId").asText()).isEqualTo(app.userId("k.mweene"));
        assertThat(viewed.path("actorName").asText()).isEqualTo("Kennedy Mweene");
        assertThat(viewed.path("actorRole").asText()).isEqualTo("LOCAL_REGISTRAR");
        assertThat(viewed.path("officeId").asText()).isEqualTo(TestBundles.OFFICE_ID);
        assertThat(viewed.path("ip").asText()).isEqualTo("203.0.113.9");
        assertThat(viewed.path("userAgent").asText()).isEqualTo(USER_AGENT);
        assertThat(viewed.path("occurredAt").asText()).isNotBlank();
        var audit = audit(id, "record.viewed");
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().actorId()).isEqualTo(app.userId("k.mweene"));
        assertThat(audit.getFirst().ip()).isEqualTo("203.0.113.9");
    }

    @Test
    void viewWhenReadThreeTimesThenThreeViewedLinesAndThreeAuditEntries() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        view(id, staff("k.mweene"));
        view(id, staff("f.katongo"));
        view(id, staff("k.mweene"));

        var history = history(id, staff("k.mweene")).json();
        var viewers = new ArrayList<String>();
        history.forEach(e -> {
            if ("VIEWED".equals(e.path("action").asText())) {
                viewers.add(e.path("actorId").asText());
            }
        });
        assertThat(viewers).containsExactly(app.userId("k.mweene"), app.userId("f.katongo"), app.userId("k.mweene"));
        assertThat(audit(id, "record.viewed")).hasSize(3);
    }

    @Test
    void historyWhenActionsFollowThenListedInOrderAndEarlierLinesNeverRewritten() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());
        view(id, staff("f.katongo"));
        var early = history(id, staff("k.mweene")).json();

        assertThat(act(id, "validate", staff("f.katongo")).status()).isEqualTo(200);
        view(id, staff("k.mweene"));
        assertThat(act(id, "register", staff("k.mweene")).status()).isEqualTo(200);

        var history = history(id, staff("k.mweene")).json();
        assertThat(actions(history(id, staff("k.mweene"))))
                .containsExactly("NOTIFIED", "VIEWED", "VALIDATED", "VIEWED", "REGISTERED");
        for (int i = 0; i < early.size(); i++) {
            assertThat(history.get(i)).isEqualTo(early.get(i));
        }
        var statuses = new ArrayList<String>();
        history.forEach(e -> statuses.add(e.path("status").asText()));
        assertThat(statuses).containsExactly("IN_PROGRESS", "IN_PROGRESS", "VALIDATED", "VALIDATED", "REGISTERED");
        var notified = history.get(0);
        assertThat(notified.path("actorType").asText()).isEqualTo("client");
        assertThat(notified.path("actorRole").asText()).isEqualTo("HEALTH");
        assertThat(notified.path("officeId").asText()).isEqualTo(TestBundles.OFFICE_ID);
        assertThat(history.get(4).path("details").asText()).contains("registration_number");
    }

    @Test
    void viewWhenSubmittingClientThen200AndOtherClientThen404() {
        var submitter = health();
        var id = notifyOk(submitter.bearer(), TestBundles.birth().build());
        var other = health();

        assertThat(view(id, submitter.bearer()).status()).isEqualTo(200);
        assertThat(history(id, submitter.bearer()).status()).isEqualTo(200);
        assertProblem(view(id, other.bearer()), 404, "record_not_found");
        assertProblem(history(id, other.bearer()), 404, "record_not_found");
        var viewed = history(id, submitter.bearer()).json().get(1);
        assertThat(viewed.path("actorType").asText()).isEqualTo("client");
        assertThat(viewed.path("actorName").asText()).isEqualTo(submitter.name());
    }

    @Test
    void viewWhenLocalSystemAdminThen404AndHistory403() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        assertProblem(view(id, staff("e.mayuka")), 404, "record_not_found");
        assertProblem(history(id, staff("e.mayuka")), 403, "insufficient_scope");
        assertThat(actions(history(id, staff("k.mweene")))).containsExactly("NOTIFIED");
    }

    @Test
    void viewWhenFieldAgentOfSameOfficeThen200AndOfAnotherOfficeThen404() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        assertThat(view(id, staff("k.bwalya")).status()).isEqualTo(200);
        assertProblem(view(id, staff("p.gondwe")), 404, "record_not_found");
    }

    @Test
    void viewWhenRegistrarOfAnotherOfficeThen200ButMayNotAct() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        assertThat(view(id, staff("d.bulaya")).status()).isEqualTo(200);
        assertProblem(act(id, "validate", staff("d.bulaya")), 403, "other_office");
    }

    @Test
    void viewWhenNoTokenThen401AndUnknownRecordThen404() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        assertThat(http().get("/records/" + id).status()).isEqualTo(401);
        assertThat(http().get("/records/" + id + "/history").status()).isEqualTo(401);
        assertProblem(view(UUID.randomUUID().toString(), staff("k.mweene")), 404, "record_not_found");
        assertProblem(history(UUID.randomUUID().toString(), staff("k.mweene")), 404, "record_not_found");
        assertThat(actions(history(id, staff("k.mweene")))).containsExactly("NOTIFIED");
    }

    @Test
    void queueWhenPagedWithSkipAndCountThenEveryRecordOnceNewestFirst() {
        var hq = TestBundles.HQ_OFFICE_ID;
        var client = health();
        var created = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            created.add(notifyOk(client.bearer(), TestBundles.death().office(hq).build()));
        }

        var pages = new ArrayList<List<String>>();
        for (int skip = 0; skip < 6; skip += 2) {
            var page = queue(staff("j.musonda"), "queue=in-progress&office=" + hq + "&count=2&skip=" + skip);
            assertThat(page.json().path("totalItems").asInt()).isEqualTo(5);
            pages.add(ids(page));
        }

        assertThat(pages.get(0)).hasSize(2);
        assertThat(pages.get(1)).hasSize(2);
        assertThat(pages.get(2)).hasSize(1);
        var all = new ArrayList<String>();
        pages.forEach(all::addAll);
        assertThat(new HashSet<>(all)).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
        assertThat(all.getFirst()).isEqualTo(created.getLast());
        var beyond = queue(staff("j.musonda"), "queue=in-progress&office=" + hq + "&count=2&skip=10");
        assertThat(ids(beyond)).isEmpty();
        assertThat(ids(queue(staff("j.musonda"), "queue=in-progress"))).containsAll(created);
    }

    @Test
    void queueWhenResultListedThenSummaryFieldsPresent() {
        awayFromMidnight();
        var id = notifyOk(health().bearer(), TestBundles.birth().bornDaysAgo(4).build());

        var results = queue(staff("f.katongo"), "queue=in-progress&count=200").json().path("results");

        JsonNode found = null;
        for (var result : results) {
            if (id.equals(result.path("id").asText())) {
                found = result;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.path("trackingId").asText()).matches(TRACKING_ID);
        assertThat(found.path("event").asText()).isEqualTo("BIRTH");
        assertThat(found.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(found.path("officeId").asText()).isEqualTo(TestBundles.OFFICE_ID);
        assertThat(found.path("locationId").asText()).isEqualTo(TestBundles.DISTRICT_ID);
        assertThat(found.path("name").asText()).isEqualTo("Chanda Mulenga");
        assertThat(found.path("eventDate").asText()).isEqualTo(TestBundles.today().minusDays(4).toString());
        assertThat(found.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void queueWhenSubjectNameOver300CharactersThenListedCutAndDocumentKeepsItWhole() {
        var family = "Mulenga-".repeat(50);
        var id = notifyOk(health().bearer(), TestBundles.birth().subjectName("Chanda", family).build());

        var results = queue(staff("k.mweene"), "queue=in-progress&count=200").json().path("results");

        var names = new ArrayList<String>();
        results.forEach(r -> {
            if (id.equals(r.path("id").asText())) {
                names.add(r.path("name").asText());
            }
        });
        assertThat(names).containsExactly(("Chanda " + family).substring(0, 300));
        var child = TestBundles.section(view(id, staff("k.mweene")).json(), "child-details").orElseThrow();
        assertThat(child.path("name").path(0).path("family").asText()).isEqualTo(family);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.katongo", "k.mweene", "k.bwalya"})
    void queueWhenLocalStaffAsksForAnotherOfficeThen403OtherOffice(String username) {
        assertProblem(queue(staff(username), "queue=in-progress&office=" + TestBundles.ILANGA_OFFICE_ID), 403,
                "other_office");
    }

    @Test
    void queueWhenNationalRegistrarAsksForAnyOfficeThen200() {
        var id = notifyOk(health().bearer(), TestBundles.birth().office(TestBundles.ILANGA_OFFICE_ID).build());

        assertThat(ids(queue(staff("j.musonda"), "queue=in-progress&count=200&office=" + TestBundles.ILANGA_OFFICE_ID)))
                .contains(id);
        assertThat(ids(queue(staff("d.bulaya"), "queue=in-progress&count=200"))).contains(id);
        assertThat(ids(queue(staff("k.mweene"), "queue=in-progress&count=200"))).doesNotContain(id);
    }

    @Test
    void queueWhenFieldAgentOrAdminOrClientThen403() {
        assertProblem(queue(staff("k.bwalya"), "queue=in-progress"), 403, "insufficient_scope");
        assertProblem(queue(staff("e.mayuka"), "queue=in-progress"), 403, "insufficient_scope");
        assertProblem(queue(health().bearer(), "queue=in-progress&office=" + TestBundles.OFFICE_ID), 403, "staff_only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "queue=", "queue=drafts", "queue=in-progress&count=0", "queue=in-progress&count=201",
            "queue=in-progress&count=ten", "queue=in-progress&skip=-1"})
    void queueWhenParametersInvalidThen400(String query) {
        assertProblem(queue(staff("k.mweene"), query), 400, "validation_failed");
    }

    @Test
    void historyWhenActionsRefusedThenNoLineAdded() {
        var id = notifyOk(health().bearer(), TestBundles.birth().build());

        act(id, "register", staff("f.katongo"));
        act(id, "validate", staff("d.bulaya"));
        act(id, "reinstate", staff("k.mweene"));
        act(id, "reject", staff("k.mweene"), Map.of("reason", "nope"));

        assertThat(actions(history(id, staff("k.mweene")))).containsExactly("NOTIFIED");
    }
}
