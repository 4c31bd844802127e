package com.mocktrading.execution.functions;

import com.mocktrading.execution.records.OutcomeJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** trade_executed records keyed by userId, like every user-scoped topic. */
public final class OutcomeSerializer implements KafkaRecordSerializationSchema<OutcomeJson> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public OutcomeSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(OutcomeJson outcome, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                outcome.userId().getBytes(StandardCharsets.UTF_8),
                outcome.json().getBytes(StandardCharsets.UTF_8));
    }
}
