package com.mocktrading.persistence.source;

import com.mocktrading.events.TraceContext;
import com.mocktrading.events.kafka.TraceHeaders;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps each record's bytes, position and trace context headers: the sinks' element converters parse it into what their store takes. */
public final class TradeRecordDeserializer implements KafkaRecordDeserializationSchema<TradeRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TradeRecord> out) {
        out.collect(new TradeRecord(
                record.topic() + "@" + record.partition() + ":" + record.offset(),
                record.value() == null ? new byte[0] : record.value(),
                TraceHeaders.read(record.headers(), TraceContext.TRACEPARENT_HEADER),
                TraceHeaders.read(record.headers(), TraceContext.TRACESTATE_HEADER)));
    }

    @Override
    public TypeInformation<TradeRecord> getProducedType() {
        return TypeInformation.of(TradeRecord.class);
    }
}
