package com.mocktrading.domain.order;

import com.mocktrading.domain.execution.TradeMath;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The acceptance rules of FR3 against one strongly consistent read: a buy needs cash for quantity x latest
 * price (the notional as the execution job will compute it), a sell needs the shares. Execution re-checks
 * both at the execution price; acceptance only keeps obviously impossible orders out of the queue.
 */
public final class AcceptanceRules {

    private final Duration priceStaleness;

    public AcceptanceRules(Duration priceStaleness) {
        this.priceStaleness = priceStaleness;
    }

    /** @throws OrderRefusedException.StalePrice for a price older than the staleness bound */
    public void requireFreshPrice(LatestPrice price, Instant now) {
        if (price.isOlderThan(priceStaleness, now)) {
            throw new OrderRefusedException.StalePrice("The latest price of " + price.symbol() + " is older than "
                    + priceStaleness.toSeconds() + " s; retry when the feed has caught up");
        }
    }

    /**
     * The rule the execution job applies at the execution price ({@link TradeMath#refusal}), at the latest one.
     *
     * @throws OrderRefusedException.InsufficientFunds or {@link OrderRefusedException.InsufficientHoldings}
     */
    public void requireCoverage(Portfolio portfolio, Side side, String symbol, long quantity, LatestPrice price) {
        Optional<ExecutionStatus> refusal = TradeMath.refusal(portfolio, side, symbol, quantity, price.price());
        if (refusal.isEmpty()) {
            return;
        }
        if (refusal.get() == ExecutionStatus.FAILED_INSUFFICIENT_FUNDS) {
            throw new OrderRefusedException.InsufficientFunds("Buying " + quantity + " " + symbol + " at "
                    + Money.formatPrice(price.price()) + " costs "
                    + Money.formatCash(Money.notional(quantity, price.price())) + "; cash is "
                    + Money.formatCash(portfolio.cashBalance()));
        }
        throw new OrderRefusedException.InsufficientHoldings("Selling " + quantity + " " + symbol
                + " needs that many shares; you hold " + portfolio.quantityOf(symbol));
    }
}
