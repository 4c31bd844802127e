package com.mocktrading.consistency;

import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * trade_executed itself, read_committed from the beginning to the end it had when the read started: the outcomes
 * the world was told, duplicates included (Elasticsearch and ClickHouse ids derive from the order, so only the
 * topic can show a second event for an order).
 */
final class OutcomeLog {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;

    OutcomeLog(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    List<TradeExecutedPayload> readAll() {
        List<TradeExecutedPayload> outcomes = new ArrayList<>();
        forEach(outcomes::add);
        return outcomes;
    }

    /** Hands every outcome to {@code outcome}, in the order of each partition. */
    void forEach(Consumer<TradeExecutedPayload> outcome) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, CALL_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " was not read to its end within 10 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    outcome.accept(Topics.TRADE_EXECUTED
                            .serde()
                            .deserialize(record.value())
                            .payload());
                }
            }
        }
    }
}
