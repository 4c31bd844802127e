package com.mocktrading.events;

import java.time.Instant;

/** An accepted order on {@code trade_orders}, waiting for execution. */
public record TradeOrderPayload(
        String orderId, String userId, String symbol, long quantity, Side side, Instant orderTimestamp) {

    public TradeOrderPayload {
        Checks.nonBlank(orderId, "orderId");
        Checks.nonBlank(userId, "userId");
        Checks.symbol(symbol, "symbol");
        Checks.positive(quantity, "quantity");
        Checks.required(side, "side");
        orderTimestamp = Checks.millis(orderTimestamp, "orderTimestamp");
    }
}
