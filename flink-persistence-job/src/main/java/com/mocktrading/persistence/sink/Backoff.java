package com.mocktrading.persistence.sink;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff with jitter between attempts of a failed write, reset by the next success. A retry holds
 * its in-flight slot while it waits, so a store that is down fills the sink's buffer and then backpressures the
 * source, instead of the buffer growing or the entries being dropped.
 */
public final class Backoff implements AutoCloseable {

    private final Duration initial;
    private final Duration max;
    private final ScheduledExecutorService timer;
    private int consecutiveFailures;

    public Backoff(Duration initial, Duration max, String threadName) {
        this.initial = initial;
        this.max = max;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code retry} after the next delay of the sequence. */
    public synchronized void afterFailure(Runnable retry) {
        long delay = delayMillis(consecutiveFailures++);
        timer.schedule(retry, delay, TimeUnit.MILLISECONDS);
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    /** Failures since the last success, for the sink's gauge. */
    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** initial * 2^failures, capped, with up to 20% jitter so that parallel writers do not retry in lockstep. */
    long delayMillis(int failures) {
        long base = initial.toMillis() << Math.min(failures, 20);
        long capped = Math.min(base <= 0 ? max.toMillis() : base, max.toMillis());
        return capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
