package com.mocktrading.order.placement;

import com.mocktrading.core.execution.TradeMath;
import com.mocktrading.core.money.Money;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The acceptance rules of FR3 against one strongly consistent read: a buy needs cash for quantity x latest
 * price (the notional as the execution job will compute it), a sell needs the shares. Execution re-checks
 * both at the execution price; acceptance only keeps obviously impossible orders out of the queue.
 */
public final class OrderRules {

    private final Duration priceStaleness;

    public OrderRules(Duration priceStaleness) {
        this.priceStaleness = priceStaleness;
    }

    public void requireFreshPrice(LatestPrice price, Instant now) {
        if (price.isOlderThan(priceStaleness, now)) {
            throw new ApiException(
                    ErrorCode.PRICE_UNAVAILABLE,
                    "The latest price of " + price.symbol() + " is older than " + priceStaleness.toSeconds()
                            + " s; retry when the feed has caught up",
                    Duration.ofSeconds(5),
                    null);
        }
    }

    /** The rule the execution job applies at the execution price ({@link TradeMath#refusal}), at the latest one. */
    public void requireCoverage(OrderRequest order, LatestPrice price, Portfolio portfolio) {
        Optional<ExecutionStatus> refusal =
                TradeMath.refusal(portfolio, order.side(), order.symbol(), order.quantity(), price.price());
        if (refusal.isEmpty()) {
            return;
        }
        if (refusal.get() == ExecutionStatus.FAILED_INSUFFICIENT_FUNDS) {
            throw new ApiException(
                    ErrorCode.INSUFFICIENT_FUNDS,
                    "Buying " + order.quantity() + " " + order.symbol() + " at " + Money.formatPrice(price.price())
                            + " costs " + Money.formatCash(Money.notional(order.quantity(), price.price()))
                            + "; cash is " + Money.formatCash(portfolio.cashBalance()));
        }
        throw new ApiException(
                ErrorCode.INSUFFICIENT_HOLDINGS,
                "Selling " + order.quantity() + " " + order.symbol() + " needs that many shares; you hold "
                        + portfolio.quantityOf(order.symbol()));
    }
}
