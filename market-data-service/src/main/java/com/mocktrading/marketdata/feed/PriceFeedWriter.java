package com.mocktrading.marketdata.feed;

import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.marketdata.prices.PriceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Applies a batch of feed updates: each becomes the cached price and is published on {@code prices:{symbol}},
 * unless the cache already holds a newer one. Within a batch only each symbol's newest update is written: after
 * an outage the backlog is caught up in one step instead of replaying stale prices to every client.
 */
public final class PriceFeedWriter {

    private final PriceCache cache;

    public PriceFeedWriter(PriceCache cache) {
        this.cache = cache;
    }

    /** Completes with how many updates became the cached price; fails if Redis did not take them all. */
    public CompletionStage<Integer> write(List<MarketDataPayload> updates) {
        Map<String, MarketDataPayload> newest = new LinkedHashMap<>();
        for (MarketDataPayload update : updates) {
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
