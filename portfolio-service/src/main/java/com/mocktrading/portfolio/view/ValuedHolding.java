package com.mocktrading.portfolio.view;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One position valued at the cached price. {@code lastPrice}, {@code marketValue} and {@code unrealizedPnl} are
 * null when the cache has no price for the symbol: an unknown value, which is not the same as zero.
 *
 * @param averageCost cost per share at price precision (4 decimals)
 * @param costBasis what the shares held cost in total (average-cost method), 2 decimals
 */
public record ValuedHolding(
        String symbol,
        long quantity,
        BigDecimal averageCost,
        BigDecimal costBasis,
        BigDecimal lastPrice,
        BigDecimal marketValue,
        BigDecimal unrealizedPnl) {

    public ValuedHolding {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(costBasis, "costBasis");
    }
}
