package io.crvs.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling for what happens asynchronously (outbox deliveries, a server process starting, a key rotation
 * reaching a running server): a wait for an event, never a timing assertion. What never comes fails the test after
 * the timeout with {@code what} in the message; nothing hangs.
 */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Polls {@code probe} until it returns a value and returns it. */
    public static <T> T until(Duration timeout, Supplier<String> what, Supplier<Optional<T>> probe) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get(), e);
            }
        }
    }

    /** Polls {@code condition} until it holds. */
    public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        until(timeout, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
