package io.crvs.platform.throttle;

import java.time.Duration;

/**
 * When repeated failures start to cost the caller time.
 *
 * @param pairFailures failures of one account from one address before that pair is locked out
 * @param addressFailures failures from one address (any account) before the address is locked out
 * @param accountFailures failures for one account from any address before addresses that never succeeded for
 *     it are locked out; addresses that did succeed recently keep working, so an attacker cannot lock the real
 *     integration out
 * @param firstLock the first lock-out; each further failure while over the limit doubles it
 * @param maxLock the longest lock-out
 */
public record ThrottleConfig(int pairFailures, int addressFailures, int accountFailures, Duration firstLock,
        Duration maxLock) {

    public static ThrottleConfig defaults() {
        return new ThrottleConfig(5, 20, 50, Duration.ofSeconds(1), Duration.ofMinutes(15));
    }
}
