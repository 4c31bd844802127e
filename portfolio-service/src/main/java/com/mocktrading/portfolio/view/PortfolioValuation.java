package com.mocktrading.portfolio.view;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Values a portfolio at the latest prices with the system's money rules: a position's market value is
 * {@code quantity x price} rounded to the cent half-even ({@link Money#notional}), exactly as a trade's notional,
 * so that a position bought at the current price shows an unrealized P&amp;L of exactly zero. A position without
 * a price is shown without a value rather than failing the whole view; the totals then cover the priced ones.
 */
public final class PortfolioValuation {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.CASH_SCALE);

    private PortfolioValuation() {}

    /** The symbols whose prices {@link #value} needs: the open positions (one price lookup for all of them). */
    public static SortedSet<String> heldSymbols(Portfolio portfolio) {
        SortedSet<String> symbols = new TreeSet<>();
        portfolio.holdings().forEach((symbol, quantity) -> {
            if (quantity > 0) {
                symbols.add(symbol);
            }
        });
        return symbols;
    }

    /** @param lastPrices price per symbol; symbols missing from it are valued as unknown */
    public static ValuedPortfolio value(Portfolio portfolio, Map<String, BigDecimal> lastPrices) {
        // A position sold down to zero is closed: it may linger in the item as 0 shares but is not a holding.
        List<ValuedHolding> holdings = heldSymbols(portfolio).stream()
                .map(symbol -> holding(portfolio, symbol, lastPrices.get(symbol)))
                .toList();
        BigDecimal holdingsValue = sumOfKnown(holdings, ValuedHolding::marketValue);
        return new ValuedPortfolio(
                portfolio,
                holdings,
                holdingsValue,
                portfolio.cashBalance().add(holdingsValue),
                sumOfKnown(holdings, ValuedHolding::unrealizedPnl));
    }

    private static ValuedHolding holding(Portfolio portfolio, String symbol, BigDecimal lastPrice) {
        long quantity = portfolio.quantityOf(symbol);
        BigDecimal costBasis = portfolio.costBasisOf(symbol);
        BigDecimal averageCost = Money.averageCost(costBasis, quantity);
        if (lastPrice == null) {
            return new ValuedHolding(symbol, quantity, averageCost, costBasis, null, null, null);
        }
        BigDecimal marketValue = Money.notional(quantity, lastPrice);
        return new ValuedHolding(
                symbol, quantity, averageCost, costBasis, lastPrice, marketValue, marketValue.subtract(costBasis));
    }

    private static BigDecimal sumOfKnown(List<ValuedHolding> holdings, Function<ValuedHolding, BigDecimal> amount) {
        return holdings.stream().map(amount).filter(Objects::nonNull).reduce(ZERO, BigDecimal::add);
    }
}
