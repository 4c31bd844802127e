package com.mocktrading.execution.records;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.execution.serialization.EventTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * An order's outcome event on its way to trade_executed.
 *
 * @param replayed the order had been decided before this execution (its outcome may be in the topic already)
 */
public record Outcome(
        @TypeInfo(EventTypeInfo.TradesExecuted.class) EventEnvelope<TradeExecutedPayload> event, boolean replayed) {

    /** The key trade_executed is partitioned and this job's outcomes are de-duplicated by. */
    public String userId() {
        return event.payload().userId();
    }

    public String orderId() {
        return event.payload().orderId();
    }

    /** This outcome handed on by another span (the one that emits it). */
    public Outcome withTraceContext(TraceContext context) {
        return new Outcome(event.withTraceContext(context), replayed);
    }
}
