package com.mocktrading.order.placement;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.time.Instant;

/** What a 202 says about an accepted order; kept with an Idempotency-Key so a retry gets the same answer. */
public record Acceptance(
        String orderId,
        String userId,
        String symbol,
        Side side,
        long quantity,
        Instant acceptedAt,
        BigDecimal validationPrice) {

    /** The order record that says this order is queued (ACCEPTED). */
    public OrderRecord record() {
        return OrderRecord.accepted(orderId, userId, symbol, side, quantity, acceptedAt, validationPrice);
    }
}
