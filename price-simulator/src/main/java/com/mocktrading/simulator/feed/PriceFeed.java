package com.mocktrading.simulator.feed;

import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.simulator.pricing.GeometricBrownianMotion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sequence of price updates of one simulator instance: its share of the universe, visited round robin,
 * each symbol moved by a GBM step for the market time since its previous update. Deterministic for a seed:
 * the same instance produces the same prices in the same order whatever the wall clock does; only the
 * feed timestamps are real time.
 */
public final class PriceFeed {

    private final List<Listing> owned;
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private final Random random;
    private final double simulatedSecondsPerUpdateRound;
    private int next;

    /**
     * @param instance this instance's number, from 0
     * @param instances how many instances split the universe (symbol i belongs to instance i mod instances)
     * @param simulatedSecondsPerUpdateRound market time that passes between two updates of one symbol
     */
    public PriceFeed(
            List<Listing> universe, int instance, int instances, long seed, double simulatedSecondsPerUpdateRound) {
        if (instances < 1 || instance < 0 || instance >= instances) {
            throw new IllegalArgumentException("instance must be in 0.." + (instances - 1) + ", got " + instance);
        }
        this.owned = java.util.stream.IntStream.range(0, universe.size())
                .filter(i -> i % instances == instance)
                .mapToObj(universe::get)
                .toList();
        if (owned.isEmpty()) {
            throw new IllegalArgumentException("instance " + instance + " of " + instances + " owns no symbol");
        }
        owned.forEach(listing -> prices.put(listing.symbol(), listing.openingPrice()));
        this.random = new Random(seed * 7919 + instance);
        this.simulatedSecondsPerUpdateRound = simulatedSecondsPerUpdateRound;
    }

    public List<Listing> owned() {
        return owned;
    }

    public MarketDataPayload next(Instant now) {
        Listing listing = owned.get(next);
        next = (next + 1) % owned.size();
        BigDecimal price = GeometricBrownianMotion.step(
                prices.get(listing.symbol()),
                listing.volatility(),
                simulatedSecondsPerUpdateRound,
                random.nextGaussian());
        prices.put(listing.symbol(), price);
        return new MarketDataPayload(listing.symbol(), price, now);
    }
}
