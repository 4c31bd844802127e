package com.mocktrading.execution.functions;

import com.mocktrading.events.Topics;
import com.mocktrading.events.kafka.TraceHeaders;
import com.mocktrading.execution.records.Outcome;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** trade_executed records keyed by userId, like every user-scoped topic: the one place an outcome becomes JSON. */
public final class OutcomeSerializer implements KafkaRecordSerializationSchema<Outcome> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public OutcomeSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Outcome outcome, KafkaSinkContext context, Long timestamp) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                topic,
                Topics.TRADE_EXECUTED.keyOf(outcome.event()).getBytes(StandardCharsets.UTF_8),
                Topics.TRADE_EXECUTED.serde().serialize(outcome.event()));
        // The consumers' agents (market-data-service) continue the trace from the header.
        TraceHeaders.write(record.headers(), outcome.event().traceContext());
        return record;
    }
}
