package com.mocktrading.domain.portfolio;

import com.mocktrading.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A user's cash and positions as stored (spec 5.4): exact decimals, whole shares, the cost basis per symbol
 * (average-cost method) and the realized P&amp;L. {@code version} counts the changes applied to it.
 */
public record Portfolio(
        String userId,
        BigDecimal cashBalance,
        Map<String, Long> holdings,
        Map<String, BigDecimal> costBasis,
        BigDecimal realizedPnl,
        Instant lastUpdatedTimestamp,
        long version) {

    public Portfolio {
        Objects.requireNonNull(userId, "userId");
        cashBalance = Money.cash(Objects.requireNonNull(cashBalance, "cashBalance"));
        holdings = Map.copyOf(holdings);
        costBasis = Map.copyOf(costBasis);
        realizedPnl = Money.cash(Objects.requireNonNull(realizedPnl, "realizedPnl"));
        Objects.requireNonNull(lastUpdatedTimestamp, "lastUpdatedTimestamp");
    }

    /** A new user's portfolio: only cash. */
    public static Portfolio opening(String userId, BigDecimal startingCash, Instant now) {
        return new Portfolio(userId, startingCash, Map.of(), Map.of(), BigDecimal.ZERO, now, 0);
    }

    public long quantityOf(String symbol) {
        return holdings.getOrDefault(symbol, 0L);
    }

    public BigDecimal costBasisOf(String symbol) {
        return costBasis.getOrDefault(symbol, BigDecimal.ZERO.setScale(Money.CASH_SCALE));
    }
}
