package com.mocktrading.portfolio.view;

import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A stored portfolio with its open positions valued at the cached prices.
 *
 * @param holdings the open positions, sorted by symbol
 * @param holdingsValue the sum of the market values that are known
 * @param totalValue cash plus {@code holdingsValue}
 * @param unrealizedPnl the sum of the unrealized P&amp;L of the positions whose price is known
 */
public record ValuedPortfolio(
        Portfolio portfolio,
        List<ValuedHolding> holdings,
        BigDecimal holdingsValue,
        BigDecimal totalValue,
        BigDecimal unrealizedPnl) {

    public ValuedPortfolio {
        Objects.requireNonNull(portfolio, "portfolio");
        holdings = List.copyOf(holdings);
        Objects.requireNonNull(holdingsValue, "holdingsValue");
        Objects.requireNonNull(totalValue, "totalValue");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    }
}
