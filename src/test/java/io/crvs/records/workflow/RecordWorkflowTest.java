package io.crvs.records.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.records.RecordStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table of functional spec §4.1, checked for every status, every action and the scope sets of every
 * OpenCRVS role (and of integration clients), against an oracle written from the specification rather than from
 * the implementation.
 */
class RecordWorkflowTest {
    /** Scopes as the tokens of each kind of caller carry them (users module, SystemRole; auth, ClientType). */
    static final Map<String, List<String>> CALLERS = Map.ofEntries(
            Map.entry("nobody", List.of()),
            Map.entry("field agent", List.of("declare")),
            Map.entry("registration agent", List.of("validate", "performance", "certify")),
            Map.entry("local registrar", List.of("register", "performance", "certify")),
            Map.entry("national registrar", List.of("register", "performance", "certify", "config", "teams")),
            Map.entry("local system admin", List.of("sysadmin")),
            Map.entry("national system admin", List.of("sysadmin", "natlsysadmin")),
            Map.entry("performance manager", List.of("performance")),
            Map.entry("health client", List.of("declare", "notification-api")),
            Map.entry("record search client", List.of("recordsearch")),
            Map.entry("validate and register", List.of("validate", "register")),
            Map.entry("certify only", List.of("certify")));

    private static final Set<Action> TRANSITIONS = EnumSet.of(Action.VALIDATE, Action.REGISTER, Action.REJECT,
            Action.UPDATE, Action.ARCHIVE, Action.REINSTATE);
    private static final Set<RecordStatus> REVIEWABLE = EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED,
            RecordStatus.VALIDATED, RecordStatus.REJECTED);

    /** Scopes of which the caller needs one (§4.1 "Scope required"). */
    private static Set<String> required(Action action) {
        return switch (action) {
            case VALIDATE -> Set.of("validate");
            case REGISTER -> Set.of("register");
            default -> Set.of("validate", "register");
        };
    }

    /** Statuses the action may start from (§4.1 T5–T9, §12, and the guard against setting the same status). */
    private static Set<RecordStatus> from(Action action) {
        return switch (action) {
            case VALIDATE -> EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED, RecordStatus.REJECTED);
            case REGISTER, UPDATE, ARCHIVE -> REVIEWABLE;
            case REJECT -> EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED, RecordStatus.VALIDATED);
            case REINSTATE -> EnumSet.of(RecordStatus.ARCHIVED);
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    private static RecordStatus to(Action action, RecordStatus current, RecordStatus beforeArchive) {
        return switch (action) {
            case VALIDATE -> RecordStatus.VALIDATED;
            case REGISTER -> RecordStatus.REGISTERED;
            case REJECT -> RecordStatus.REJECTED;
            case UPDATE -> current;
            case ARCHIVE -> RecordStatus.ARCHIVED;
            case REINSTATE -> beforeArchive;
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    static Stream<Arguments> everyStatusActionAndCaller() {
        var cases = new ArrayList<Arguments>();
        for (var status : RecordStatus.values()) {
            for (var action : TRANSITIONS) {
                for (var caller : CALLERS.entrySet()) {
                    cases.add(Arguments.of(status, action, caller.getKey(), caller.getValue()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} a {0} record as {2}")
    @MethodSource("everyStatusActionAndCaller")
    void decideWhenAnyStatusActionAndCallerThenAsTheTransitionTableSays(RecordStatus current, Action action,
            String caller, List<String> scopes) {
        var decision = RecordWorkflow.decide(action, current, scopes, RecordStatus.DECLARED);

        if (required(action).stream().noneMatch(scopes::contains)) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
                assertThat(refused.forbidden()).isTrue();
                assertThat(refused.code()).isEqualTo("insufficient_scope");
                assertThat(refused.message()).isNotBlank();
            });
        } else if (!from(action).contains(current)) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
                assertThat(refused.forbidden()).isFalse();
                assertThat(refused.code()).isEqualTo("invalid_transition");
                assertThat(refused.message()).contains(current.name());
            });
        } else {
            assertThat(decision).isEqualTo(new Decision.Allowed(to(action, current, RecordStatus.DECLARED)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RecordStatus.class, names = {"IN_PROGRESS", "DECLARED", "VALIDATED", "REJECTED"})
    void reinstateWhenArchivedThenBackToTheStatusBeforeArchiving(RecordStatus before) {
        for (var scopes : List.of(List.of("validate"), List.of("register"))) {
            assertThat(RecordWorkflow.decide(Action.REINSTATE, RecordStatus.ARCHIVED, scopes, before))
                    .isEqualTo(new Decision.Allowed(before));
        }
    }

    @Test
    void decideWhenRegisteredThenNothingButRefusalsWhateverTheScopes() {
        var all = List.of("declare", "validate", "register", "certify", "sysadmin", "natlsysadmin");
        for (var status : List.of(RecordStatus.REGISTERED, RecordStatus.CERTIFIED, RecordStatus.ISSUED)) {
            for (var action : TRANSITIONS) {
                assertThat(RecordWorkflow.decide(action, status, all, RecordStatus.VALIDATED))
                        .as(action + " " + status).isInstanceOf(Decision.Refused.class);
            }
        }
    }

    @Test
    void decideWhenScopeMissingAndStatusWrongThenForbiddenFirst() {
        var decision = RecordWorkflow.decide(Action.REGISTER, RecordStatus.REGISTERED, List.of("validate"),
                RecordStatus.IN_PROGRESS);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, r -> assertThat(r.forbidden()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"NOTIFY", "DECLARE", "VIEW"})
    void decideWhenActionIsNoTransitionThenIllegalArgument(Action action) {
        assertThatThrownBy(() -> RecordWorkflow.decide(action, RecordStatus.IN_PROGRESS, List.of("register"),
                RecordStatus.IN_PROGRESS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declaredStatusWhenDeclarerScopesThenDeclaredValidatedOrRegistered() {
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("field agent"))).isEqualTo(RecordStatus.DECLARED);
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("health client"))).isEqualTo(RecordStatus.DECLARED);
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("registration agent"))).isEqualTo(RecordStatus.VALIDATED);
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("local registrar"))).isEqualTo(RecordStatus.REGISTERED);
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("national registrar"))).isEqualTo(RecordStatus.REGISTERED);
        assertThat(RecordWorkflow.declaredStatus(CALLERS.get("validate and register"))).isEqualTo(RecordStatus.REGISTERED);
        assertThat(RecordWorkflow.declaredStatus(List.of())).isEqualTo(RecordStatus.DECLARED);
    }

    @Test
    void historyNamesWhenActionsThenOpenCrvsCodes() {
        assertThat(Action.NOTIFY.historyName()).isEqualTo("NOTIFIED");
        assertThat(Action.DECLARE.historyName()).isEqualTo("DECLARED");
        assertThat(Action.VALIDATE.historyName()).isEqualTo("VALIDATED");
        assertThat(Action.UPDATE.historyName()).isEqualTo("DECLARATION_UPDATED");
        assertThat(Action.REJECT.historyName()).isEqualTo("REJECTED");
        assertThat(Action.REGISTER.historyName()).isEqualTo("REGISTERED");
        assertThat(Action.ARCHIVE.historyName()).isEqualTo("ARCHIVED");
        assertThat(Action.REINSTATE.historyName()).isEqualTo("REINSTATED");
        assertThat(Action.VIEW.historyName()).isEqualTo("VIEWED");
    }
}
