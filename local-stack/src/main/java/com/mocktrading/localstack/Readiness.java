package com.mocktrading.localstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits until a server really answers, failing with what its log says when it does not. */
public final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Readiness() {}

    /**
     * Polls {@code ready} until it returns true. {@code alive} lets a crashed process fail fast instead of
     * running into the timeout; {@code diagnostics} is appended to the error (typically the log tail).
     */
    public static void await(
            String what, Duration timeout, BooleanSupplier ready, BooleanSupplier alive, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (safely(ready)) {
                return;
            }
            if (!alive.getAsBoolean()) {
                throw new ServerStartException(what + " exited before it became ready\n" + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                throw new ServerStartException(
                        what + " did not become ready within " + timeout.toSeconds() + " s\n" + diagnostics.get());
            }
            sleep();
        }
    }

    private static boolean safely(BooleanSupplier probe) {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for a server", e);
        }
    }
}
