package io.crvs.records.workflow;

import io.crvs.records.RecordStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status transitions of functional spec §4.1, as a pure function of the current status, the action and the
 * caller's scopes. Reinstating returns to the status a record had before it was archived, which the caller reads
 * from the history.
 */
public final class RecordWorkflow {
    private static final Set<RecordStatus> REVIEWABLE = EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED,
            RecordStatus.VALIDATED, RecordStatus.REJECTED);

    private RecordWorkflow() {
    }

    public static Decision decide(Action action, RecordStatus current, Collection<String> scopes,
            RecordStatus beforeArchive) {
        return switch (action) {
            case VALIDATE -> rule(action, current, scopes, List.of("validate"),
                    EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED, RecordStatus.REJECTED), RecordStatus.VALIDATED);
            case REGISTER -> rule(action, current, scopes, List.of("register"), REVIEWABLE, RecordStatus.REGISTERED);
            case REJECT -> rule(action, current, scopes, List.of("validate", "register"),
                    EnumSet.of(RecordStatus.IN_PROGRESS, RecordStatus.DECLARED, RecordStatus.VALIDATED), RecordStatus.REJECTED);
            case UPDATE -> rule(action, current, scopes, List.of("validate", "register"), REVIEWABLE, current);
            case ARCHIVE -> rule(action, current, scopes, List.of("validate", "register"), REVIEWABLE, RecordStatus.ARCHIVED);
            case REINSTATE -> rule(action, current, scopes, List.of("validate", "register"),
                    EnumSet.of(RecordStatus.ARCHIVED), beforeArchive);
            case NOTIFY, DECLARE, VIEW -> throw new IllegalArgumentException(action + " is not a transition");
        };
    }

    /** The status a new record gets when someone with {@code scopes} submits a complete declaration (T2–T4). */
    public static RecordStatus declaredStatus(Collection<String> scopes) {
        if (scopes.contains("register")) {
            return RecordStatus.REGISTERED;
        }
        return scopes.contains("validate") ? RecordStatus.VALIDATED : RecordStatus.DECLARED;
    }

    private static Decision rule(Action action, RecordStatus current, Collection<String> scopes, List<String> anyOf,
            Set<RecordStatus> from, RecordStatus to) {
        if (anyOf.stream().noneMatch(scopes::contains)) {
            return new Decision.Refused(true, "insufficient_scope",
                    "To " + verb(action) + " a record you need the scope " + String.join(" or ", anyOf));
        }
        if (!from.contains(current)) {
            return new Decision.Refused(false, "invalid_transition", "A record that is " + current + " cannot be "
                    + past(action) + "; allowed from " + from);
        }
        return new Decision.Allowed(to);
    }

    private static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private static String past(Action action) {
        return switch (action) {
            case REJECT -> "sent for updates";
            case REINSTATE -> "reinstated";
            case UPDATE -> "updated";
            default -> verb(action) + (verb(action).endsWith("e") ? "d" : "ed");
        };
    }
}
