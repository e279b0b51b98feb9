package io.crvs.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link FailureThrottle} on its own, with a clock that only moves when the test says so. */
class FailureThrottleTest {
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final FailureThrottle throttle = new FailureThrottle(new ThrottleConfig(3, 6, 8, FIRST, MAX), clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, address);
        }
    }

    @Test
    void retryAfterWhenNothingRecordedThenEmpty() {
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
    }

    @Test
    void recordFailureWhenBelowPairThresholdThenNoLock() {
        fail("client", "10.0.0.1", 2);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
    }

    @Test
    void recordFailureWhenPairThresholdReachedThenPairLockedForFirstLockOnly() {
        fail("client", "10.0.0.1", 2);
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(FIRST);
        assertThat(throttle.retryAfter("client", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("other", "10.0.0.1")).isEmpty();
    }

    @Test
    void retryAfterWhenTimePassesThenCountsDownAndLockEnds() {
        fail("client", "10.0.0.1", 3);
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(19));
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
    }

    @Test
    void recordFailureWhenPastThresholdThenLockDoublesUpToMaximum() {
        fail("client", "10.0.0.1", 2);
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST);
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST.multipliedBy(2));
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST.multipliedBy(4));
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST.multipliedBy(8));
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(FIRST.multipliedBy(16));
        assertThat(throttle.recordFailure("client", "10.0.0.1")).hasValue(MAX);
        fail("client", "10.0.0.1", 100);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(MAX);
    }

    @Test
    void recordFailureWhenAddressTriesManyAccountsThenAddressLockedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("unknown-" + i, "10.0.0.3");
        }
        assertThat(throttle.retryAfter("genuine", "10.0.0.3")).isEmpty();
        throttle.recordFailure("unknown-5", "10.0.0.3");
        assertThat(throttle.retryAfter("genuine", "10.0.0.3")).hasValue(FIRST);
        assertThat(throttle.retryAfter("genuine", "10.0.0.4")).isEmpty();
    }

    @Test
    void recordFailureWhenAccountFailsFromManyAddressesThenUntrustedAddressesLockedTrustedServed() {
        throttle.recordSuccess("client", "10.0.0.50");
        for (int i = 1; i <= 7; i++) {
            throttle.recordFailure("client", "10.0.1." + i);
        }
        assertThat(throttle.retryAfter("client", "10.0.9.9")).isEmpty();
        throttle.recordFailure("client", "10.0.1.8");
        assertThat(throttle.retryAfter("client", "10.0.9.9")).hasValue(FIRST);
        assertThat(throttle.retryAfter("client", "10.0.1.1")).hasValue(FIRST);
        assertThat(throttle.retryAfter("client", "10.0.0.50")).isEmpty();
        assertThat(throttle.retryAfter("other", "10.0.9.9")).isEmpty();
    }

    @Test
    void recordSuccessWhenPairHadFailuresThenCountStartsAgain() {
        fail("client", "10.0.0.1", 2);
        throttle.recordSuccess("client", "10.0.0.1");
        fail("client", "10.0.0.1", 2);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
        throttle.recordFailure("client", "10.0.0.1");
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(FIRST);
    }

    @Test
    void recordSuccessWhenAccountHadFailuresElsewhereThenAccountCountKept() {
        for (int i = 1; i <= 7; i++) {
            throttle.recordFailure("client", "10.0.1." + i);
        }
        throttle.recordSuccess("client", "10.0.0.50");
        throttle.recordFailure("client", "10.0.1.8");
        assertThat(throttle.retryAfter("client", "10.0.9.9")).hasValue(FIRST);
    }

    @Test
    void recordSuccessWhenMoreThan32AddressesSucceedThenOldestNoLongerTrusted() {
        for (int i = 0; i <= 32; i++) {
            throttle.recordSuccess("client", "10.0.2." + i);
        }
        fail("client", "10.0.3.1", 8);
        assertThat(throttle.retryAfter("client", "10.0.2.0")).as("evicted").hasValue(FIRST);
        assertThat(throttle.retryAfter("client", "10.0.2.1")).isEmpty();
        assertThat(throttle.retryAfter("client", "10.0.2.32")).isEmpty();
    }

    @Test
    void recordSuccessWhenAddressSucceedsAgainThenItBecomesMostRecentlyTrusted() {
        for (int i = 0; i < 32; i++) {
            throttle.recordSuccess("client", "10.0.2." + i);
        }
        throttle.recordSuccess("client", "10.0.2.0");
        throttle.recordSuccess("client", "10.0.2.99");
        fail("client", "10.0.3.1", 8);
        assertThat(throttle.retryAfter("client", "10.0.2.0")).isEmpty();
        assertThat(throttle.retryAfter("client", "10.0.2.1")).as("now the oldest, evicted").hasValue(FIRST);
    }

    @Test
    void recordFailureWhenLastFailureLongAgoThenCountForgotten() {
        fail("client", "10.0.0.1", 2);
        clock.advance(MAX.multipliedBy(2).plusSeconds(1));
        fail("client", "10.0.0.1", 2);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
    }

    @Test
    void recordFailureWhenLastFailureRecentThenCountKeptAcrossExpiredLock() {
        fail("client", "10.0.0.1", 3);
        clock.advance(FIRST.plusSeconds(1));
        assertThat(throttle.retryAfter("client", "10.0.0.1")).isEmpty();
        assertThat(throttle.recordFailure("client", "10.0.0.1")).as("fourth failure doubles").hasValue(FIRST.multipliedBy(2));
    }

    @Test
    void recordFailureWhenFloodedWithOldIdsThenIdleCountersForgottenAndLocksStillWork() {
        for (int i = 0; i < 70_000; i++) {
            throttle.recordFailure("flood-" + i, "192.168." + (i / 250) + "." + (i % 250));
        }
        clock.advance(MAX.plusSeconds(1));
        fail("client", "10.0.0.1", 3);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(FIRST);
    }

    @Test
    void recordFailureWhenFloodedWithFreshIdsFromManyAddressesThenPairLockStillEngages() {
        // 100 000 distinct client ids from 100 000 addresses within one lock window: enough to fill the throttle.
        for (int i = 0; i < 100_000; i++) {
            throttle.recordFailure("flood-" + i, "fd00::" + Integer.toHexString(i));
        }
        fail("client", "10.0.0.1", 3);
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(FIRST);
    }

    @Test
    void recordFailureWhenFloodedThenLocksAlreadyEarnedAreKept() {
        fail("client", "10.0.0.1", 3);
        for (int i = 0; i < 100_000; i++) {
            throttle.recordFailure("flood-" + i, "fd00::" + Integer.toHexString(i));
        }
        assertThat(throttle.retryAfter("client", "10.0.0.1")).hasValue(FIRST);
    }

    /** A clock that stands still until advanced. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
