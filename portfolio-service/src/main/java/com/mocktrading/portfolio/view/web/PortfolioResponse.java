package com.mocktrading.portfolio.view.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.portfolio.view.ValuedHolding;
import com.mocktrading.portfolio.view.ValuedPortfolio;
import java.math.BigDecimal;
import java.util.List;

/**
 * The contract's portfolio body. Amounts are strings in plain decimal notation (cash amounts with 2 decimals,
 * prices and average costs with up to 4) so that no client ever parses money into binary floating point;
 * values the service cannot know (no cached price) are JSON nulls.
 */
@JsonPropertyOrder({
    "userId",
    "cashBalance",
    "holdings",
    "holdingsValue",
    "totalValue",
    "realizedPnl",
    "unrealizedPnl",
    "lastUpdatedTimestamp",
    "version"
})
record PortfolioResponse(
        String userId,
        String cashBalance,
        List<Holding> holdings,
        String holdingsValue,
        String totalValue,
        String realizedPnl,
        String unrealizedPnl,
        String lastUpdatedTimestamp,
        long version) {

    @JsonPropertyOrder({"symbol", "quantity", "averageCost", "costBasis", "lastPrice", "marketValue", "unrealizedPnl"})
    record Holding(
            String symbol,
            long quantity,
            String averageCost,
            String costBasis,
            String lastPrice,
            String marketValue,
            String unrealizedPnl) {

        static Holding of(ValuedHolding holding) {
            return new Holding(
                    holding.symbol(),
                    holding.quantity(),
                    Money.formatPrice(holding.averageCost()),
                    Money.formatCash(holding.costBasis()),
                    holding.lastPrice() == null ? null : Money.formatPrice(holding.lastPrice()),
                    cashOrNull(holding.marketValue()),
                    cashOrNull(holding.unrealizedPnl()));
        }
    }

    static PortfolioResponse of(ValuedPortfolio valued) {
        Portfolio portfolio = valued.portfolio();
        return new PortfolioResponse(
                portfolio.userId(),
                Money.formatCash(portfolio.cashBalance()),
                valued.holdings().stream().map(Holding::of).toList(),
                Money.formatCash(valued.holdingsValue()),
                Money.formatCash(valued.totalValue()),
                Money.formatCash(portfolio.realizedPnl()),
                Money.formatCash(valued.unrealizedPnl()),
                Timestamps.format(portfolio.lastUpdatedTimestamp()),
                portfolio.version());
    }

    private static String cashOrNull(BigDecimal amount) {
        return amount == null ? null : Money.formatCash(amount);
    }
}
