package com.mocktrading.execution.functions;

import com.mocktrading.events.TraceContext;
import com.mocktrading.events.kafka.TraceHeaders;
import com.mocktrading.execution.records.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps the raw bytes (parsing happens in an operator that can route failures to the dead-letter topic) and the
 * trace context headers.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        out.collect(new RawRecord(
                record.key(),
                record.value(),
                TraceHeaders.read(record.headers(), TraceContext.TRACEPARENT_HEADER),
                TraceHeaders.read(record.headers(), TraceContext.TRACESTATE_HEADER)));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
