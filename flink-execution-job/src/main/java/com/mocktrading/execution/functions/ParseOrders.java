package com.mocktrading.execution.functions;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.OrderIds;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.events.UserIds;
import com.mocktrading.execution.records.DeadLetter;
import com.mocktrading.execution.records.RawRecord;
import com.mocktrading.execution.serialization.EventTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Validates each trade_orders record against the event contract and what the stores accept. A poison record (not
 * JSON, a missing or invalid field, an order or user id no DynamoDB key may hold) goes to the dead-letter side
 * output with the reason and never blocks its partition or fails the job. The only place an order is parsed: the
 * operators after it pass the event itself.
 */
public final class ParseOrders extends ProcessFunction<RawRecord, EventEnvelope<TradeOrderPayload>>
        implements ResultTypeQueryable<EventEnvelope<TradeOrderPayload>> {

    private static final long serialVersionUID = 1L;
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient Counter deadLettered;

    @Override
    public void open(OpenContext context) {
        deadLettered = getRuntimeContext().getMetricGroup().counter("ordersDeadLettered");
    }

    @Override
    public void processElement(RawRecord record, Context context, Collector<EventEnvelope<TradeOrderPayload>> out) {
        try {
            EventEnvelope<TradeOrderPayload> order = Topics.TRADE_ORDERS.serde().deserialize(record.value());
            if (!OrderIds.isValid(order.payload().orderId())) {
                throw new IllegalArgumentException("orderId is not 1 to 64 of [A-Za-z0-9_-]");
            }
            if (!UserIds.isValid(order.payload().userId())) {
                throw new IllegalArgumentException("userId is not 1 to 64 of [A-Za-z0-9._@-]");
            }
            // The header is the publishing span's context, the closest parent; the event's copy is the fallback.
            out.collect(
                    record.traceparent() == null
                            ? order
                            : order.withTraceContext(new TraceContext(record.traceparent(), record.tracestate())));
        } catch (RuntimeException poison) {
            deadLettered.inc();
            context.output(
                    DEAD_LETTERS, new DeadLetter(record.key(), record.value(), String.valueOf(poison.getMessage())));
        }
    }

    @Override
    public TypeInformation<EventEnvelope<TradeOrderPayload>> getProducedType() {
        return EventTypeInfo.of(Topics.TRADE_ORDERS);
    }
}
