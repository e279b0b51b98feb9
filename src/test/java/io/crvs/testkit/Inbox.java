package io.crvs.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    java.util.Map<String, String> environment();

    /** Waits until {@code recipient} has more than {@code alreadySeen} messages and returns the next one. */
    default Received awaitNext(String recipient, int alreadySeen) {
        return await(recipient, alreadySeen, m -> true);
    }

    /** Waits for the first message at index {@code alreadySeen} or later that matches {@code wanted}. */
    default Received await(String recipient, int alreadySeen, Predicate<Received> wanted) {
        var deadline = Instant.now().plus(WAIT);
        while (true) {
            var all = received(recipient);
            for (int i = alreadySeen; i < all.size(); i++) {
                if (wanted.test(all.get(i))) {
                    return all.get(i);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No matching message for " + recipient + " within " + WAIT + "; received: " + all);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a message", e);
            }
        }
    }

    default int count(String recipient) {
        return received(recipient).size();
    }
}
