package com.mocktrading.consistency;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.math.BigDecimal;

/** One outcome as the trade history holds it. */
public record HistoryTrade(
        String eventId,
        String orderId,
        String userId,
        String symbol,
        Side side,
        long quantity,
        ExecutionStatus status,
        BigDecimal executionPrice) {}
