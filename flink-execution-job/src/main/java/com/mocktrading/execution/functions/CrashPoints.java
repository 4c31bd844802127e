package com.mocktrading.execution.functions;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Named crash points for recovery tests: a test arms one with the orders it should fire for, and the job then
 * fails right there, once, like a machine dying at that instant. Unarmed (always, outside such tests) it does
 * nothing. Lives in the job's code because the point is where a real crash would hurt: after the DynamoDB
 * commit, before the outcome's Kafka transaction is checkpointed.
 */
public final class CrashPoints {

    private static final AtomicReference<Predicate<String>> AFTER_COMMIT = new AtomicReference<>();

    private CrashPoints() {}

    /** Fails the job once, after the commit of the first order matching {@code orders}. */
    public static void armAfterCommit(Predicate<String> orders) {
        AFTER_COMMIT.set(orders);
    }

    public static boolean isArmed() {
        return AFTER_COMMIT.get() != null;
    }

    public static void disarm() {
        AFTER_COMMIT.set(null);
    }

    static void afterCommit(String orderId) {
        Predicate<String> armed = AFTER_COMMIT.get();
        if (armed != null && armed.test(orderId) && AFTER_COMMIT.compareAndSet(armed, null)) {
            throw new IllegalStateException("crash point after-commit fired for order " + orderId);
        }
    }
}
