package com.mocktrading.execution.functions;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs each user's work one item after the other and different users' work concurrently. An item runs only after
 * the user's previous one succeeded: after a failure the user's later items fail with it instead of running, so
 * they can never be decided before the earlier one (the job restarts and replays them all, in order).
 */
final class PerUserChain {

    private final Map<String, CompletableFuture<?>> lastOfUser = new ConcurrentHashMap<>();
    private final Executor pool;

    PerUserChain(Executor pool) {
        this.pool = pool;
    }

    <T> CompletableFuture<T> then(String userId, Supplier<T> work) {
        CompletableFuture<?> previous = lastOfUser.getOrDefault(userId, CompletableFuture.completedFuture(null));
        CompletableFuture<T> next = previous.thenApplyAsync(ignored -> work.get(), pool);
        lastOfUser.put(userId, next);
        next.whenComplete((result, failure) -> lastOfUser.remove(userId, next));
        return next;
    }
}
