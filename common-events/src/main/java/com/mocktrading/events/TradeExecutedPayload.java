package com.mocktrading.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The outcome of one order on {@code trade_executed}; exactly one per orderId.
 *
 * @param executionPrice the fill price, present exactly when {@code status} is EXECUTED
 * @param failureReason free text for humans, or null
 */
public record TradeExecutedPayload(
        String orderId,
        String userId,
        String symbol,
        long quantity,
        Side side,
        ExecutionStatus status,
        BigDecimal executionPrice,
        Instant executionTimestamp,
        String failureReason) {

    public TradeExecutedPayload {
        Checks.nonBlank(orderId, "orderId");
        Checks.nonBlank(userId, "userId");
        Checks.symbol(symbol, "symbol");
        Checks.positive(quantity, "quantity");
        Checks.required(side, "side");
        Checks.required(status, "status");
        if (status.isExecuted()) {
            if (executionPrice == null) {
                throw new IllegalArgumentException("executionPrice is required when status is EXECUTED");
            }
            executionPrice = Checks.positivePrice(executionPrice, "executionPrice");
        } else if (executionPrice != null) {
            // A price on a failed trade would be booked by any consumer that only looks at the price.
            throw new IllegalArgumentException("executionPrice must be absent when status is " + status);
        }
        executionTimestamp = Checks.millis(executionTimestamp, "executionTimestamp");
    }

    public static TradeExecutedPayload executed(
            TradeOrderPayload order, BigDecimal executionPrice, Instant executionTimestamp) {
        return new TradeExecutedPayload(
                order.orderId(),
                order.userId(),
                order.symbol(),
                order.quantity(),
                order.side(),
                ExecutionStatus.EXECUTED,
                executionPrice,
                executionTimestamp,
                null);
    }

    public static TradeExecutedPayload failed(
            TradeOrderPayload order, ExecutionStatus status, Instant executionTimestamp, String failureReason) {
        if (status.isExecuted()) {
            throw new IllegalArgumentException("status of a failed trade must not be EXECUTED");
        }
        return new TradeExecutedPayload(
                order.orderId(),
                order.userId(),
                order.symbol(),
                order.quantity(),
                order.side(),
                status,
                null,
                executionTimestamp,
                failureReason);
    }
}
