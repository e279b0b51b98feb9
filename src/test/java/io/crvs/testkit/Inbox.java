package io.crvs.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Messages crvs delivered to a test's own SMTP server or SMS gateway, per recipient, in arrival order. Waiting is a
 * bounded poll: a message that never comes fails the test after {@link #WAIT}, it never hangs it.
 */
public interface Inbox {
    Duration WAIT = Duration.ofSeconds(30);

    /** One delivered message: recipient (email address or phone number), subject (empty for SMS) and text. */
    record Received(String to, String subject, String body) {
    }

    /** Everything delivered to {@code recipient} so far, oldest first. */
    List<Received> received(String recipient);

    /** The environment that points crvs at this inbox. */
    Map<String, String> environment();

    /** Waits until {@code recipient} has more than {@code alreadySeen} messages and returns the next one. */
    default Received awaitNext(String recipient, int alreadySeen) {
        return await(recipient, alreadySeen, m -> true);
    }

    /** Waits for the first message at index {@code alreadySeen} or later that matches {@code wanted}. */
    default Received await(String recipient, int alreadySeen, Predicate<Received> wanted) {
        return await(recipient, alreadySeen, wanted, 1).getFirst();
    }

    /**
     * Waits until {@code count} messages at index {@code alreadySeen} or later match {@code wanted}; returns the
     * first {@code count} of them, oldest first.
     */
    default List<Received> await(String recipient, int alreadySeen, Predicate<Received> wanted, int count) {
        return Await.until(WAIT, () -> count + " matching message(s) for " + recipient + "; received: "
                + received(recipient), () -> {
                    var all = received(recipient);
                    var matching = all.subList(Math.min(alreadySeen, all.size()), all.size()).stream().filter(wanted)
                            .toList();
                    return matching.size() >= count ? Optional.of(matching.subList(0, count)) : Optional.empty();
                });
    }

    default int count(String recipient) {
        return received(recipient).size();
    }
}
