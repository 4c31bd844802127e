package com.mocktrading.persistence.source;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code trade_executed} event straight into what one store writes (its document or row), so the
 * stream carries plain strings. A record that is not a valid event is logged, counted
 * ({@code malformedTradeEvents}) and skipped: it could never be stored, and the execution job that writes this
 * topic validates every event it emits.
 */
public final class TradeEventDeserializer<T> implements KafkaRecordDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TradeEventDeserializer.class);

    /** A function that Flink can ship with the job graph. */
    public interface Conversion<T> extends Function<EventEnvelope<TradeExecutedPayload>, T>, Serializable {}

    private final Conversion<T> conversion;
    private final Class<T> producedType;
    private transient Counter malformed;

    public TradeEventDeserializer(Conversion<T> conversion, Class<T> producedType) {
        this.conversion = conversion;
        this.producedType = producedType;
    }

    @Override
    public void open(org.apache.flink.api.common.serialization.DeserializationSchema.InitializationContext context) {
        malformed = context.getMetricGroup().counter("malformedTradeEvents");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        T converted;
        try {
            converted = conversion.apply(Topics.TRADE_EXECUTED.serde().deserialize(record.value()));
        } catch (RuntimeException e) {
            if (malformed != null) {
                malformed.inc();
            }
            LOG.warn(
                    "skipped malformed {} record {}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        out.collect(converted);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(producedType);
    }
}
