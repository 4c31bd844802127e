package com.mocktrading.marketdata.symbols;

import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tradable symbols and their names: the simulated universe the feed publishes prices for. */
public final class SymbolDirectory {

    /** Names do not depend on the seed; only the simulator's prices do. */
    private static final long ANY_SEED = 0;

    private final Map<String, String> namesBySymbol = new LinkedHashMap<>();

    public SymbolDirectory(int universeSize) {
        for (Listing listing : SymbolUniverse.of(universeSize, ANY_SEED)) {
            namesBySymbol.put(listing.symbol(), listing.name());
        }
    }

    public boolean contains(String symbol) {
        return namesBySymbol.containsKey(symbol);
    }

    public Optional<String> nameOf(String symbol) {
        return Optional.ofNullable(namesBySymbol.get(symbol));
    }

    public List<Map.Entry<String, String>> all() {
        return List.copyOf(namesBySymbol.entrySet());
    }
}
