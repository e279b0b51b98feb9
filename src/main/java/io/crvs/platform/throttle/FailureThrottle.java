package io.crvs.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down and then refuses guessing of credentials. Failures are counted per (account, address), per address
 * and per account. Past a threshold each further failure locks that key out for a doubling time (capped), during
 * which requests are refused before any credential is checked. The per-account lock never applies to addresses
 * that recently authenticated successfully for that account, so the genuine client keeps working while an
 * attacker elsewhere hammers its id. State is in memory, per node; success resets the pair and address counters.
 * Thread-safe.
 */
public final class FailureThrottle {
    private static final int MAX_KEYS = 200_000;
    private static final int TRUSTED_PER_ACCOUNT = 32;

    private final ThrottleConfig config;
    private final Clock clock;
    private final Map<String, Counter> pairs = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> trustedAddresses = new ConcurrentHashMap<>();

    public FailureThrottle(ThrottleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> retryAfter(String account, String address) {
        var now = clock.instant();
        var wait = longest(now, pairs.get(pairKey(account, address)), addresses.get(address));
        if (!isTrusted(account, address)) {
            wait = longest(now, wait, accounts.get(account));
        }
        return wait;
    }

    /** Counts a failed attempt; returns the lock-out it caused, if any. */
    public Optional<Duration> recordFailure(String account, String address) {
        var now = clock.instant();
        evictIfFull(now);
        var pair = pairs.computeIfAbsent(pairKey(account, address), k -> new Counter());
        var byAddress = addresses.computeIfAbsent(address, k -> new Counter());
        var byAccount = accounts.computeIfAbsent(account, k -> new Counter());
        pair.fail(now, config.pairFailures(), config.firstLock(), config.maxLock());
        byAddress.fail(now, config.addressFailures(), config.firstLock(), config.maxLock());
        byAccount.fail(now, config.accountFailures(), config.firstLock(), config.maxLock());
        return retryAfter(account, address);
    }

    /** Clears the pair and address counters and remembers the address as trusted for the account. */
    public void recordSuccess(String account, String address) {
        pairs.remove(pairKey(account, address));
        addresses.remove(address);
        var trusted = trustedAddresses.computeIfAbsent(account, k -> new LinkedHashSet<>());
        synchronized (trusted) {
            trusted.remove(address);
            trusted.add(address);
            if (trusted.size() > TRUSTED_PER_ACCOUNT) {
                trusted.remove(trusted.iterator().next());
            }
        }
    }

    private boolean isTrusted(String account, String address) {
        var trusted = trustedAddresses.get(account);
        if (trusted == null) {
            return false;
        }
        synchronized (trusted) {
            return trusted.contains(address);
        }
    }

    private static Optional<Duration> longest(Instant now, Counter... counters) {
        return longest(now, Optional.empty(), counters);
    }

    private static Optional<Duration> longest(Instant now, Optional<Duration> current, Counter... counters) {
        var result = current;
        for (var counter : counters) {
            if (counter == null) {
                continue;
            }
            var wait = counter.remaining(now);
            if (wait.isPresent() && (result.isEmpty() || wait.get().compareTo(result.get()) > 0)) {
                result = wait;
            }
        }
        return result;
    }

    /**
     * Bounds memory under a flood of random ids: forget counters whose lock and memory window have passed; if that
     * is not enough, forget counters that lock nobody out now (locks already earned stay in force); as a last
     * resort, when locked counters alone fill the table, forget everything.
     */
    private void evictIfFull(Instant now) {
        if (size() < MAX_KEYS) {
            return;
        }
        var horizon = now.minus(config.maxLock());
        var maps = List.of(pairs, addresses, accounts);
        maps.forEach(map -> map.values().removeIf(counter -> counter.isIdleSince(horizon)));
        if (size() >= MAX_KEYS) {
            maps.forEach(map -> map.values().removeIf(counter -> counter.remaining(now).isEmpty()));
        }
        if (size() >= MAX_KEYS) {
            maps.forEach(Map::clear);
        }
    }

    private int size() {
        return pairs.size() + addresses.size() + accounts.size();
    }

    private static String pairKey(String account, String address) {
        return account + '\u0000' + address;
    }

    /** Failures of one key and the lock-out they earned. */
    private static final class Counter {
        private int failures;
        private Instant lockedUntil = Instant.EPOCH;
        private Instant lastFailure = Instant.EPOCH;

        synchronized void fail(Instant now, int threshold, Duration firstLock, Duration maxLock) {
            if (lastFailure.plus(maxLock.multipliedBy(2)).isBefore(now)) {
                failures = 0;
            }
            failures++;
            lastFailure = now;
            if (failures >= threshold) {
                int doublings = Math.min(failures - threshold, 30);
                var lock = firstLock.multipliedBy(1L << doublings);
                lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
            }
        }

        synchronized Optional<Duration> remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        synchronized boolean isIdleSince(Instant horizon) {
            return lastFailure.isBefore(horizon) && lockedUntil.isBefore(horizon);
        }
    }
}
