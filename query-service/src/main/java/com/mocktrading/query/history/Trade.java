package com.mocktrading.query.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade outcome as the history stores it.
 *
 * @param side {@code BUY} or {@code SELL}, as stored
 * @param status {@code EXECUTED} or a {@code FAILED_*} value, as stored
 * @param executionPrice the exact fill price, null for a failed trade
 * @param failureReason free text, null for an executed trade
 */
public record Trade(
        String eventId,
        String orderId,
        String userId,
        String symbol,
        String side,
        long quantity,
        String status,
        BigDecimal executionPrice,
        Instant executionTimestamp,
        String failureReason) {

    public Trade {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(executionTimestamp, "executionTimestamp");
    }

    /** Where this trade sits in the history's order, for continuing after it. */
    public SearchCursor position() {
        return new SearchCursor(executionTimestamp, eventId);
    }
}
