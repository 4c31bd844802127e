package com.mocktrading.marketdata.feed;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.marketdata.prices.PriceView;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of feed updates: each becomes the cached price and is published on {@code prices:{symbol}},
 * unless the cache already holds a newer one. Within a batch only each symbol's newest update is written: after
 * an outage the backlog is caught up in one step instead of replaying stale prices to every client.
 *
 * <p>A tick dated further in the future than the accepted clock skew is refused (counted and logged): the cache
 * keeps the newest price, so one such tick would freeze its symbol until the clock caught up, and order
 * acceptance would keep validating against it.
 */
public final class PriceFeedWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PriceFeedWriter.class);

    private final PriceCache cache;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final Counter fromTheFuture;

    public PriceFeedWriter(PriceCache cache, Clock clock, Duration maxClockSkew, Counter fromTheFuture) {
        this.cache = cache;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
        this.fromTheFuture = fromTheFuture;
    }

    /** Completes with how many updates became the cached price; fails if Redis did not take them all. */
    public CompletionStage<Integer> write(List<MarketDataPayload> updates) {
        Instant latestAcceptable = clock.instant().plus(maxClockSkew);
        Map<String, MarketDataPayload> newest = new LinkedHashMap<>();
        for (MarketDataPayload update : updates) {
            if (update.feedTimestamp().isAfter(latestAcceptable)) {
                fromTheFuture.increment();
                LOG.warn(
                        "refused a {} tick dated {}, beyond the accepted clock skew of {}",
                        update.symbol(),
                        update.feedTimestamp(),
                        maxClockSkew);
                continue;
            }
            newest.merge(
                    update.symbol(),
                    update,
                    (held, candidate) -> candidate.feedTimestamp().isAfter(held.feedTimestamp()) ? candidate : held);
        }
        List<PriceCache.Announcement> announcements = new ArrayList<>(newest.size());
        for (MarketDataPayload update : newest.values()) {
            LatestPrice price = new LatestPrice(update.symbol(), update.price(), update.feedTimestamp());
            announcements.add(
                    new PriceCache.Announcement(price, PriceView.of(price).toJson()));
        }
        return cache.updateAndPublish(announcements);
    }
}
