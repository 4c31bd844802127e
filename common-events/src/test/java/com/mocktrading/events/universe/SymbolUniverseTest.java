package com.mocktrading.events.universe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolUniverseTest {

    @Test
    void startsWithTheReadableDemoSetThenGeneratedTickers() {
        List<Listing> universe = SymbolUniverse.of(1000, 42);

        assertThat(universe).extracting(Listing::symbol).startsWith("ACME", "BOLT", "CRUX");
        assertThat(universe.get(0).name()).isEqualTo("Acme Corporation");
        assertThat(universe)
                .extracting(Listing::symbol)
                .doesNotHaveDuplicates()
                .allMatch(symbol -> symbol.matches("[A-Z0-9.]{1,10}"));
        assertThat(SymbolUniverse.generatedTicker(0)).isEqualTo("SA");
        assertThat(SymbolUniverse.generatedTicker(25)).isEqualTo("SZ");
        assertThat(SymbolUniverse.generatedTicker(26)).isEqualTo("SAA");
    }

    @Test
    void isStableAcrossSizesAndRunsForOneSeed() {
        assertThat(SymbolUniverse.of(1000, 42).subList(0, 50)).isEqualTo(SymbolUniverse.of(50, 42));
        assertThat(SymbolUniverse.of(50, 42)).isEqualTo(SymbolUniverse.of(50, 42));
        assertThat(SymbolUniverse.of(50, 7)).isNotEqualTo(SymbolUniverse.of(50, 42));
    }

    @Test
    void opensAtExactPricesWithPlausibleVolatility() {
        assertThat(SymbolUniverse.of(1000, 42)).allSatisfy(listing -> {
            assertThat(listing.openingPrice()).isBetween(new BigDecimal("5.00"), new BigDecimal("499.99"));
            assertThat(listing.openingPrice().scale()).isEqualTo(4);
            assertThat(listing.volatility()).isBetween(0.15, 0.60);
        });
    }
}
