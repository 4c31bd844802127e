package com.mocktrading.simulator.feed;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the feed is alive: Kafka acknowledged an update within the staleness bound. A simulator whose broker
 * went away keeps running and retrying, so only its acknowledgements tell that it publishes; a platform that sees
 * it unhealthy for long restarts it.
 */
public final class FeedHealth {

    private final LongSupplier lastAcknowledgedNanos;
    private final Duration stale;

    public FeedHealth(LongSupplier lastAcknowledgedNanos, Duration stale) {
        this.lastAcknowledgedNanos = lastAcknowledgedNanos;
        this.stale = stale;
    }

    public boolean healthyAt(long nowNanos) {
        return nowNanos - lastAcknowledgedNanos.getAsLong() <= stale.toNanos();
    }
}
