package com.mocktrading.domain.execution;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.TradeOrderPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides one order at the latest price and records the outcome (see {@link ExecutionRecords}), returning the
 * trade_executed payload. A replayed order, already decided, yields the payload rebuilt from the stored record,
 * so the event is identical to the first one. An order that order-service withdrew (its publication was not
 * confirmed and its client was told so) is skipped: it has no outcome. Blocking; callers run it off the stream's
 * task thread.
 */
public final class OrderExecutor {

    private final Function<String, Optional<Portfolio>> portfolios;
    private final ExecutionRecords store;
    private final Function<String, Optional<LatestPrice>> prices;
    private final Clock clock;
    private final Duration priceStaleness;
    private final int maxAttempts;

    /**
     * @param portfolios a user's portfolio as last written (a strongly consistent read: the decision is checked
     *     against the version it read)
     * @param priceStaleness a price older than this is no price: the same rule as at acceptance, so a backlog
     *     worked off after an outage fails with FAILED_PRICE_UNAVAILABLE instead of trading at an old price
     */
    public OrderExecutor(
            Function<String, Optional<Portfolio>> portfolios,
            ExecutionRecords store,
            Function<String, Optional<LatestPrice>> prices,
            Clock clock,
            Duration priceStaleness,
            int maxAttempts) {
        this.portfolios = portfolios;
        this.store = store;
        this.prices = prices;
        this.clock = clock;
        this.priceStaleness = priceStaleness;
        this.maxAttempts = maxAttempts;
    }

    /** @return the outcome to publish; empty for a withdrawn order */
    public Optional<Decision> execute(TradeOrderPayload order) {
        Optional<LatestPrice> price = prices.apply(order.symbol());
        for (int attempt = 1; ; attempt++) {
            ExecutionOutcome outcome = attempt(order, price);
            if (outcome instanceof ExecutionOutcome.Applied applied) {
                return Optional.of(new Decision(applied.outcome(), false));
            }
            if (outcome instanceof ExecutionOutcome.AlreadyDecided decided) {
                return decided.order().status().isAccepted()
                        ? Optional.of(new Decision(decided.order().outcome(), true))
                        : Optional.empty();
            }
            if (attempt >= maxAttempts) {
                throw new PortfolioContendedException(order.userId(), order.orderId(), attempt);
            }
        }
    }

    private ExecutionOutcome attempt(TradeOrderPayload order, Optional<LatestPrice> price) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (price.isEmpty()) {
            return store.recordFailure(
                    order, ExecutionStatus.FAILED_PRICE_UNAVAILABLE, now, "no price for " + order.symbol());
        }
        if (price.get().isOlderThan(priceStaleness, now)) {
            return store.recordFailure(
                    order,
                    ExecutionStatus.FAILED_PRICE_UNAVAILABLE,
                    now,
                    "the price of " + order.symbol() + " is "
                            + Duration.between(price.get().feedTimestamp(), now).toSeconds() + " s old");
        }
        Optional<Portfolio> portfolio = portfolios.apply(order.userId());
        if (portfolio.isEmpty()) {
            ExecutionStatus status = TradeMath.refusal(
                            Portfolio.opening(order.userId(), Money.cash("0"), now),
                            order.side(),
                            order.symbol(),
                            order.quantity(),
                            price.get().price())
                    .orElse(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
            return store.recordFailure(order, status, now, "no portfolio for " + order.userId());
        }
        Portfolio read = portfolio.get();
        Optional<ExecutionStatus> refusal = TradeMath.refusal(
                read,
                order.side(),
                order.symbol(),
                order.quantity(),
                price.get().price());
        if (refusal.isPresent()) {
            return store.recordFailure(order, refusal.get(), now, reason(refusal.get(), read, order, price.get()));
        }
        PositionChange change = TradeMath.change(
                read,
                order.side(),
                order.symbol(),
                order.quantity(),
                price.get().price());
        return store.recordExecution(order, price.get().price(), now, read, change);
    }

    private static String reason(ExecutionStatus status, Portfolio read, TradeOrderPayload order, LatestPrice price) {
        return status == ExecutionStatus.FAILED_INSUFFICIENT_FUNDS
                ? "cash " + Money.formatCash(read.cashBalance()) + " < "
                        + Money.formatCash(Money.notional(order.quantity(), price.price())) + " at "
                        + Money.formatPrice(price.price())
                : "holdings " + read.quantityOf(order.symbol()) + " < " + order.quantity();
    }
}
