package com.mocktrading.persistence;

import com.mocktrading.events.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The persistence job's settings, from {@code --name value} arguments.
 *
 * @param consumerGroupPrefix each store's pipeline reads with its own group, {@code <prefix>-elasticsearch} and
 *     {@code <prefix>-clickhouse}, so one store's lag never holds back the other's offsets
 * @param batchSize most events per bulk request / insert
 * @param maxTimeInBuffer how long an event may wait for its batch to fill
 * @param deadLetterTopic where records no store can take go (both pipelines; a header names which)
 */
public record PersistenceJobConfig(
        String kafkaBootstrapServers,
        String topic,
        String consumerGroupPrefix,
        String elasticsearchUrl,
        String clickHouseUrl,
        Duration checkpointInterval,
        int parallelism,
        int batchSize,
        Duration maxTimeInBuffer,
        String deadLetterTopic)
        implements Serializable {

    private static final Set<String> KNOWN = Set.of(
            "kafka",
            "topic",
            "group",
            "elasticsearch",
            "clickhouse",
            "checkpoint-interval-ms",
            "parallelism",
            "batch-size",
            "max-time-in-buffer-ms",
            "dead-letter-topic");

    public PersistenceJobConfig {
        if (batchSize < 1 || parallelism < 1 || checkpointInterval.isNegative() || maxTimeInBuffer.isNegative()) {
            throw new IllegalArgumentException("batch size and parallelism must be positive, durations >= 0");
        }
    }

    public static PersistenceJobConfig fromArguments(Map<String, String> arguments) {
        arguments.keySet().stream()
                .filter(name -> !KNOWN.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("unknown argument --" + name + "; known: " + KNOWN);
                });
        return new PersistenceJobConfig(
                arguments.getOrDefault("kafka", "localhost:9092"),
                arguments.getOrDefault("topic", Topics.TRADE_EXECUTED.name()),
                arguments.getOrDefault("group", "trade-persistence"),
                arguments.getOrDefault("elasticsearch", "http://localhost:9200"),
                arguments.getOrDefault("clickhouse", "http://localhost:8123"),
                Duration.ofMillis(Long.parseLong(arguments.getOrDefault("checkpoint-interval-ms", "5000"))),
                Integer.parseInt(arguments.getOrDefault("parallelism", "1")),
                Integer.parseInt(arguments.getOrDefault("batch-size", "1000")),
                Duration.ofMillis(Long.parseLong(arguments.getOrDefault("max-time-in-buffer-ms", "500"))),
                arguments.getOrDefault("dead-letter-topic", Topics.TRADE_EXECUTED_DEAD_LETTERS));
    }
}
