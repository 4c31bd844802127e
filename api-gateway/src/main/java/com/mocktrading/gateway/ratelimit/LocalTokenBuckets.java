package com.mocktrading.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The same token buckets as {@link TokenBucket}, kept in this gateway's memory: what limits each user while Redis
 * does not answer. Without it the limiter would fail open, and one heavy user, whose flood is what slows Redis down
 * in the first place, would reach the services unlimited and take everybody's capacity. Each replica then limits on
 * its own (a user gets the budget once per replica) until Redis answers again.
 */
final class LocalTokenBuckets {

    /** Buckets idle long enough to be full again are forgotten once there are this many. */
    private static final int TIDY_ABOVE = 100_000;

    private final int capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LocalTokenBuckets(int capacity, double refillPerSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
    }

    TokenBucket.Decision take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = capacity;
        private long at;

        Bucket(long now) {
            at = now;
        }

        synchronized TokenBucket.Decision take(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) / 1e9 * refillPerSecond);
                at = now;
            }
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long untilOne = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1000 / refillPerSecond);
            long untilFull = (long) Math.ceil((capacity - tokens) * 1000 / refillPerSecond);
            return new TokenBucket.Decision(allowed, capacity, (int) Math.floor(tokens), untilOne, untilFull);
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - at) / 1e9 * refillPerSecond >= capacity;
        }
    }
}
