package com.mocktrading.order.placement;

import com.mocktrading.core.money.Money;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.events.Side;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

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

    public void requireCoverage(OrderRequest order, LatestPrice price, Portfolio portfolio) {
        if (order.side() == Side.BUY) {
            BigDecimal cost = Money.notional(order.quantity(), price.price());
            if (portfolio.cashBalance().compareTo(cost) < 0) {
                throw new ApiException(
                        ErrorCode.INSUFFICIENT_FUNDS,
                        "Buying " + order.quantity() + " " + order.symbol() + " at " + Money.formatPrice(price.price())
                                + " costs " + Money.formatCash(cost) + "; cash is "
                                + Money.formatCash(portfolio.cashBalance()));
            }
        } else {
            long held = portfolio.quantityOf(order.symbol());
            if (held < order.quantity()) {
                throw new ApiException(
                        ErrorCode.INSUFFICIENT_HOLDINGS,
                        "Selling " + order.quantity() + " " + order.symbol() + " needs that many shares; you hold "
                                + held);
            }
        }
    }
}
