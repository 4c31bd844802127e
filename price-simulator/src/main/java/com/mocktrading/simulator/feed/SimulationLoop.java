package com.mocktrading.simulator.feed;

import com.mocktrading.events.MarketDataPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Drives the feed at the configured rate into a sink until the duration is over or it is stopped. */
public final class SimulationLoop {

    private final PriceFeed feed;
    private final Consumer<MarketDataPayload> sink;
    private final double rate;
    private volatile boolean stopped;

    public SimulationLoop(PriceFeed feed, Consumer<MarketDataPayload> sink, double rate) {
        this.feed = feed;
        this.sink = sink;
        this.rate = rate;
    }

    /**
     * @param duration how long to run; zero runs until {@link #stop()}
     * @param statusEvery how often to report {@code (published, last update)}
     * @return how many updates were published
     */
    public long run(Duration duration, Duration statusEvery, BiConsumer<Long, MarketDataPayload> status)
            throws InterruptedException {
        Pacer pacer = new Pacer(rate);
        long end = duration.isZero() ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long nextStatus = System.nanoTime() + statusEvery.toNanos();
        long published = 0;
        MarketDataPayload last = null;
        while (!stopped && System.nanoTime() < end) {
            pacer.awaitNextSlot();
            last = feed.next(Instant.now());
            sink.accept(last);
            published++;
            if (System.nanoTime() >= nextStatus) {
                status.accept(published, last);
                nextStatus += statusEvery.toNanos();
            }
        }
        if (last != null) {
            status.accept(published, last);
        }
        return published;
    }

    public void stop() {
        stopped = true;
    }
}
