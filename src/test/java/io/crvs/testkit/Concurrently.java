package io.crvs.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests that race: each call on a thread of its own, all released at once by a latch so that they really
 * overlap at the server. Results come back in the order of the calls; a call that fails fails the test.
 */
public final class Concurrently {
    private Concurrently() {
    }

    public static <T> List<T> run(List<? extends Callable<T>> calls) {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError("A concurrent call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for concurrent calls", e);
        }
    }

    /** The same call {@code count} times at once. */
    public static <T> List<T> times(int count, Callable<T> call) {
        return run(Collections.nCopies(count, call));
    }
}
