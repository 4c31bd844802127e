package com.mocktrading.persistence.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what a pipeline can never store into the dead-letter topic, keyed by the event id when there is one, with
 * the reason and the pipeline in headers and a WARN line naming the event. Idempotent and acknowledged by all
 * replicas: a dead letter counts as handled only once Kafka has it, so nothing is dropped on the way.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String REASON_HEADER = "reason";
    public static final String PIPELINE_HEADER = "pipeline";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterTarget target;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetters(DeadLetterTarget target) {
        this.target = target;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "persistence-dead-letters-" + target.pipeline()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Completes once Kafka acknowledged the dead letter. */
    public CompletableFuture<Void> send(String eventId, byte[] value, String reason) {
        LOG.warn("dead-lettered {} record {} to {}: {}", target.pipeline(), eventId, target.topic(), reason);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                target.topic(), eventId == null ? null : eventId.getBytes(StandardCharsets.UTF_8), value);
        record.headers()
                .add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add(PIPELINE_HEADER, target.pipeline().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                sent.completeExceptionally(error);
            } else {
                sent.complete(null);
            }
        });
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
