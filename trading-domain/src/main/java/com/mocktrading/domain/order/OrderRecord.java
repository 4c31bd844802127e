package com.mocktrading.domain.order;

import com.mocktrading.domain.money.Money;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the {@code Orders} table keeps it. Created as ACCEPTED once the order is in trade_orders; moved
 * to its outcome by the execution job in the same transaction as the portfolio change.
 *
 * @param validationPrice the price the order was validated against; null when the execution job had to create
 *     the record (order-service queued the order but could not record it)
 * @param executionPrice present once EXECUTED
 */
public record OrderRecord(
        String orderId,
        String userId,
        String symbol,
        Side side,
        long quantity,
        OrderStatus status,
        Instant acceptedAt,
        BigDecimal validationPrice,
        BigDecimal executionPrice,
        Instant executedAt,
        String failureReason) {

    public OrderRecord {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        validationPrice = validationPrice == null ? null : Money.price(validationPrice);
        executionPrice = executionPrice == null ? null : Money.price(executionPrice);
    }

    /**
     * The outcome event's payload as this decided record states it: the same for the first emission, any replay,
     * and a client catching up on what it missed.
     */
    public TradeExecutedPayload outcome() {
        if (!status.isFinal() || !status.isAccepted()) {
            throw new IllegalStateException("order " + orderId + " is " + status + ": it has no outcome");
        }
        ExecutionStatus outcome = ExecutionStatus.valueOf(status.name());
        return new TradeExecutedPayload(
                orderId,
                userId,
                symbol,
                quantity,
                side,
                outcome,
                outcome.isExecuted() ? executionPrice : null,
                executedAt,
                failureReason);
    }

    public static OrderRecord accepted(
            String orderId,
            String userId,
            String symbol,
            Side side,
            long quantity,
            Instant acceptedAt,
            BigDecimal validationPrice) {
        return new OrderRecord(
                orderId,
                userId,
                symbol,
                side,
                quantity,
                OrderStatus.ACCEPTED,
                acceptedAt,
                validationPrice,
                null,
                null,
                null);
    }
}
