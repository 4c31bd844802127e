package com.mocktrading.persistence.sink;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.persistence.source.TradeRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.metrics.Counter;

/**
 * The sink's element converter: a trade_executed record into what one store writes (its document or row). A
 * record that is not a valid event, or that its store's shape cannot express, becomes an
 * {@link StoredTrade#unstorable} entry, counted ({@code malformedTradeEvents}), which the writer dead-letters:
 * never silently skipped.
 */
public final class StoredTradeConverter implements ElementConverter<TradeRecord, StoredTrade> {

    private static final long serialVersionUID = 1L;

    /** How one store shapes a trade: a function that Flink can ship with the job graph. */
    public interface Shape extends Function<EventEnvelope<TradeExecutedPayload>, StoredTrade>, Serializable {}

    private final Shape shape;
    private transient Counter malformed;

    public StoredTradeConverter(Shape shape) {
        this.shape = shape;
    }

    @Override
    public void open(WriterInitContext context) {
        malformed = context.metricGroup().counter("malformedTradeEvents");
    }

    @Override
    public StoredTrade apply(TradeRecord record, SinkWriter.Context context) {
        try {
            EventEnvelope<TradeExecutedPayload> event =
                    Topics.TRADE_EXECUTED.serde().deserialize(record.value());
            // The header is the emitting span's context, the closest parent; the event's copy is the fallback.
            return shape.apply(event)
                    .tracedBy(
                            record.traceparent() == null
                                    ? event.traceContext()
                                    : new TraceContext(record.traceparent(), record.tracestate()));
        } catch (RuntimeException e) {
            if (malformed != null) {
                malformed.inc();
            }
            return StoredTrade.unstorable(
                    record.position(),
                    new String(record.value(), StandardCharsets.UTF_8),
                    "not a valid trade_executed event: " + e.getMessage());
        }
    }
}
