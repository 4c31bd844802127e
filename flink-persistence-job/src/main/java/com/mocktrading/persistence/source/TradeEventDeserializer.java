package com.mocktrading.persistence.source;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.persistence.sink.StoredTrade;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a {@code trade_executed} event straight into what one store writes (its document or row), so the
 * stream carries plain strings. A record that is not a valid event becomes an {@link StoredTrade#unstorable}
 * entry, counted ({@code malformedTradeEvents}), which the sink dead-letters: never silently skipped.
 */
public final class TradeEventDeserializer implements KafkaRecordDeserializationSchema<StoredTrade> {

    private static final long serialVersionUID = 1L;

    /** A function that Flink can ship with the job graph. */
    public interface Conversion extends Function<EventEnvelope<TradeExecutedPayload>, StoredTrade>, Serializable {}

    private final Conversion conversion;
    private transient Counter malformed;

    public TradeEventDeserializer(Conversion conversion) {
        this.conversion = conversion;
    }

    @Override
    public void open(org.apache.flink.api.common.serialization.DeserializationSchema.InitializationContext context) {
        malformed = context.getMetricGroup().counter("malformedTradeEvents");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StoredTrade> out) {
        StoredTrade converted;
        try {
            converted = conversion.apply(Topics.TRADE_EXECUTED.serde().deserialize(record.value()));
        } catch (RuntimeException e) {
            if (malformed != null) {
                malformed.inc();
            }
            converted = StoredTrade.unstorable(
                    record.topic() + "@" + record.partition() + ":" + record.offset(),
                    record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8),
                    "not a valid trade_executed event: " + e.getMessage());
        }
        out.collect(converted);
    }

    @Override
    public TypeInformation<StoredTrade> getProducedType() {
        return TypeInformation.of(StoredTrade.class);
    }
}
