package com.mocktrading.query.support;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** trade_executed events as the execution job emits them, for seeding the stores. */
public final class Trades {

    private Trades() {}

    public static EventEnvelope<TradeExecutedPayload> executed(
            String userId, String symbol, Side side, long quantity, String price, Instant at) {
        return Topics.TRADE_EXECUTED.newEvent(
                "test",
                new TradeExecutedPayload(
                        "o-" + UUID.randomUUID(),
                        userId,
                        symbol,
                        quantity,
                        side,
                        ExecutionStatus.EXECUTED,
                        new BigDecimal(price),
                        at,
                        null),
                null);
    }

    public static EventEnvelope<TradeExecutedPayload> failed(
            String userId, String symbol, Side side, long quantity, ExecutionStatus status, Instant at, String reason) {
        return Topics.TRADE_EXECUTED.newEvent(
                "test",
                new TradeExecutedPayload(
                        "o-" + UUID.randomUUID(), userId, symbol, quantity, side, status, null, at, reason),
                null);
    }

    public static String newUserId() {
        return "it-" + UUID.randomUUID();
    }

    /** A symbol no other test uses: a letter of the test's choosing plus 8 random hex digits (10 characters). */
    public static String newSymbol(char prefix) {
        return prefix + "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
