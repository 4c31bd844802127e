package com.mocktrading.domain.execution;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The execution rules at the execution price, average-cost method (contract, Portfolio section):
 * a buy moves its notional from cash to the symbol's cost basis; a sell takes its share of the cost basis
 * off the position (all of it when the position closes, so no residue is left behind) and books the
 * difference to the sale's notional as realized P&amp;L. All amounts are cents, rounded once, half-even.
 */
public final class TradeMath {

    private TradeMath() {}

    /** Why the trade cannot execute against this portfolio, if it cannot. */
    public static Optional<ExecutionStatus> refusal(
            Portfolio portfolio, Side side, String symbol, long quantity, BigDecimal price) {
        if (side == Side.BUY && portfolio.cashBalance().compareTo(Money.notional(quantity, price)) < 0) {
            return Optional.of(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
        }
        if (side == Side.SELL && portfolio.quantityOf(symbol) < quantity) {
            return Optional.of(ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS);
        }
        return Optional.empty();
    }

    /** The change of an executable trade; call {@link #refusal} first. */
    public static PositionChange change(
            Portfolio portfolio, Side side, String symbol, long quantity, BigDecimal price) {
        BigDecimal notional = Money.notional(quantity, price);
        if (side == Side.BUY) {
            return new PositionChange(symbol, notional.negate(), quantity, notional, zero());
        }
        long held = portfolio.quantityOf(symbol);
        BigDecimal basis = portfolio.costBasisOf(symbol);
        BigDecimal removed = quantity == held
                ? basis
                : basis.multiply(BigDecimal.valueOf(quantity))
                        .divide(BigDecimal.valueOf(held), Money.CASH_SCALE, RoundingMode.HALF_EVEN);
        return new PositionChange(symbol, notional, -quantity, removed.negate(), notional.subtract(removed));
    }

    /**
     * The portfolio after the change: what the execution transaction writes, and what the consistency check
     * recomputes from the opening funding and the trades. A closed position leaves no zero entry.
     */
    public static Portfolio apply(Portfolio portfolio, PositionChange change, Instant at) {
        String symbol = change.symbol();
        Map<String, Long> holdings = new HashMap<>(portfolio.holdings());
        Map<String, BigDecimal> costBasis = new HashMap<>(portfolio.costBasis());
        long quantity = portfolio.quantityOf(symbol) + change.quantityDelta();
        if (quantity == 0) {
            holdings.remove(symbol);
            costBasis.remove(symbol);
        } else {
            holdings.put(symbol, quantity);
            costBasis.put(symbol, portfolio.costBasisOf(symbol).add(change.costBasisDelta()));
        }
        return new Portfolio(
                portfolio.userId(),
                portfolio.cashBalance().add(change.cashDelta()),
                holdings,
                costBasis,
                portfolio.realizedPnl().add(change.realizedPnlDelta()),
                at,
                portfolio.version() + 1);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Money.CASH_SCALE);
    }
}
