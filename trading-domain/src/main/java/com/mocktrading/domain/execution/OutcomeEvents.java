package com.mocktrading.domain.execution;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;

/**
 * The trade_executed event of an outcome. Everything in it derives from the order and its stored outcome
 * (event id from the order id, timestamp from the recorded decision), so a replay yields the identical event.
 */
public final class OutcomeEvents {

    public static final String SOURCE = "flink-execution-job";

    private OutcomeEvents() {}

    public static EventEnvelope<TradeExecutedPayload> of(TradeExecutedPayload outcome, TraceContext trace) {
        return new EventEnvelope<>(
                Topics.TRADE_EXECUTED.eventIdOf(outcome.orderId()),
                outcome.executionTimestamp(),
                SOURCE,
                Topics.TRADE_EXECUTED.currentSchemaVersion(),
                outcome,
                trace);
    }
}
