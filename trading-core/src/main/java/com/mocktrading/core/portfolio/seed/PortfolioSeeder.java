package com.mocktrading.core.portfolio.seed;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provisions the users {@code <prefix>0} to {@code <prefix>(n-1)} with the starting cash, from a few threads.
 * Users that already have a portfolio keep it as it is (a conditional put never overwrites), so a run that
 * stopped half way, or a second run, is safe and only adds the missing users.
 */
public final class PortfolioSeeder {

    /** What a run did: users it created and users it found provisioned already. */
    public record Summary(int created, int existing, Duration elapsed) {

        public int users() {
            return created + existing;
        }

        /** Whole users per second; rounded down, at least over one millisecond. */
        public long usersPerSecond() {
            return users() * 1000L / Math.max(1, elapsed.toMillis());
        }
    }

    private final PortfolioStore store;
    private final BigDecimal startingCash;
    private final int threads;
    private final PrintStream progress;

    public PortfolioSeeder(PortfolioStore store, BigDecimal startingCash, int threads, PrintStream progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.store = store;
        this.startingCash = startingCash;
        this.threads = threads;
        this.progress = progress;
    }

    /** Seeds the users; stops at the first failure with the store, which it rethrows once all threads stopped. */
    public Summary seed(String prefix, int users) throws InterruptedException {
        if (users < 0) {
            throw new IllegalArgumentException("users must not be negative");
        }
        Run run = new Run(users);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.max(1, Math.min(threads, users));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < users && !failed.get(); i = next.getAndIncrement()) {
                        try {
                            run.completed(provisionIfAbsent(prefix + i));
                        } catch (RuntimeException e) {
                            failed.set(true);
                            throw e;
                        }
                    }
                }));
            }
            Throwable failure = null;
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                Summary soFar = run.summary();
                throw new IllegalStateException(
                        "stopped after " + soFar.users() + " users (" + soFar.created() + " created): " + failure
                                + "; run it again to add the rest",
                        failure);
            }
        } finally {
            pool.shutdownNow();
        }
        return run.summary();
    }

    /**
     * True if this call created the portfolio. The read first tells "created" from "existing" for the summary
     * and makes a re-run cheap; the conditional put still guards a user created in between.
     */
    private boolean provisionIfAbsent(String userId) {
        if (store.find(userId, Consistency.STRONG).isPresent()) {
            return false;
        }
        store.provision(userId, startingCash);
        return true;
    }

    /** Counts and reports progress about every 5 %; one lock per user is nothing next to a DynamoDB call. */
    private final class Run {

        private final int users;
        private final int reportEvery;
        private final long startNanos = System.nanoTime();
        private int created;
        private int existing;

        Run(int users) {
            this.users = users;
            this.reportEvery = Math.max(1, users / 20);
        }

        synchronized void completed(boolean wasCreated) {
            if (wasCreated) {
                created++;
            } else {
                existing++;
            }
            int done = created + existing;
            if (done % reportEvery == 0 || done == users) {
                Summary now = summary();
                progress.printf(
                        "%d/%d users (%d created, %d existing), %d users/s%n",
                        done, users, created, existing, now.usersPerSecond());
            }
        }

        synchronized Summary summary() {
            return new Summary(created, existing, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
