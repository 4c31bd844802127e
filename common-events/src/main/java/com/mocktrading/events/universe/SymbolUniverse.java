package com.mocktrading.events.universe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated market (shared by the price simulator, which moves these prices, and the market-data service,
 * which lists them): a small readable demo set first (ACME, BOLT, ...), then generated tickers. Stable: the
 * first N listings are the same whatever the size asked for and whatever run, because every listing derives
 * from its ticker and the seed alone, so several simulator instances agree on the universe they split.
 */
public final class SymbolUniverse {

    private static final List<String[]> DEMO = List.of(
            new String[] {"ACME", "Acme Corporation"},
            new String[] {"BOLT", "Bolt Industries"},
            new String[] {"CRUX", "Crux Biotech"},
            new String[] {"DYNO", "Dyno Motors"},
            new String[] {"EMBR", "Ember Energy"},
            new String[] {"FLUX", "Flux Semiconductors"},
            new String[] {"GRID", "Grid Utilities"},
            new String[] {"HALO", "Halo Health"},
            new String[] {"IRIS", "Iris Optics"},
            new String[] {"JOLT", "Jolt Beverages"});

    private SymbolUniverse() {}

    public static List<Listing> of(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("the universe needs at least one symbol, got " + size);
        }
        List<Listing> listings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String[] demo = i < DEMO.size() ? DEMO.get(i) : null;
            String symbol = demo != null ? demo[0] : generatedTicker(i - DEMO.size());
            String name = demo != null ? demo[1] : symbol + " Holdings";
            listings.add(listing(symbol, name, seed));
        }
        return listings;
    }

    /** Tickers "SA", "SB", ..., "SAA", ...: a bijective base-26 count, prefixed so none collides with a demo ticker. */
    static String generatedTicker(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            letters.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return "S" + letters;
    }

    private static Listing listing(String symbol, String name, long seed) {
        Random random = new Random(seed * 31 + symbol.hashCode());
        BigDecimal opening = BigDecimal.valueOf(500 + random.nextInt(49_500))
                .movePointLeft(2)
                .setScale(4);
        double volatility = 0.15 + random.nextDouble() * 0.45;
        return new Listing(symbol, name, opening, volatility);
    }
}
