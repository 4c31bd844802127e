package com.mocktrading.simulator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceFeedTest {

    private static final List<Listing> UNIVERSE = SymbolUniverse.of(100, 42);

    @Test
    void producesTheSamePricesForTheSameSeed() {
        assertThat(prices(new PriceFeed(UNIVERSE, 0, 1, 42, 120), 500))
                .isEqualTo(prices(new PriceFeed(UNIVERSE, 0, 1, 42, 120), 500))
                .isNotEqualTo(prices(new PriceFeed(UNIVERSE, 0, 1, 43, 120), 500));
    }

    @Test
    void instancesSplitTheUniverseWithoutOverlapOrGap() {
        Set<String> covered = new HashSet<>();
        for (int instance = 0; instance < 3; instance++) {
            PriceFeed feed = new PriceFeed(UNIVERSE, instance, 3, 42, 120);
            feed.owned().forEach(listing -> assertThat(covered.add(listing.symbol()))
                    .isTrue());
        }
        assertThat(covered).hasSize(UNIVERSE.size());
        assertThatThrownBy(() -> new PriceFeed(UNIVERSE, 3, 3, 42, 120)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void visitsItsSymbolsRoundRobinAndStaysPositive() {
        PriceFeed feed = new PriceFeed(UNIVERSE, 1, 2, 42, 3600);
        List<MarketDataPayload> updates = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            updates.add(feed.next(Instant.EPOCH));
        }

        assertThat(updates.subList(0, 50))
                .extracting(MarketDataPayload::symbol)
                .containsExactlyElementsOf(
                        feed.owned().stream().map(Listing::symbol).toList());
        assertThat(updates).allSatisfy(update -> assertThat(update.price()).isPositive());
    }

    private static List<BigDecimal> prices(PriceFeed feed, int count) {
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prices.add(feed.next(Instant.EPOCH).price());
        }
        return prices;
    }
}
