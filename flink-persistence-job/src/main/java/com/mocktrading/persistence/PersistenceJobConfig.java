package com.mocktrading.persistence;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.events.Topics;
import com.mocktrading.tracing.TracingSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * The persistence job's settings, from its command line ({@link #COMMAND}).
 *
 * @param consumerGroupPrefix each store's pipeline reads with its own group, {@code <prefix>-elasticsearch} and
 *     {@code <prefix>-clickhouse}, so one store's lag never holds back the other's offsets
 * @param batchSize most events per bulk request / insert
 * @param maxTimeInBuffer how long an event may wait for its batch to fill
 * @param deadLetterTopic where records no store can take go (both pipelines; a header names which)
 * @param tracing where the job's spans go (none unless {@code --zipkin} is given)
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
        String deadLetterTopic,
        TracingSettings tracing)
        implements Serializable {

    /** The job's options, each with its default. */
    static final CommandLine COMMAND = CommandLine.command(
                    "flink run flink-persistence-job-VERSION-job.jar [options]",
                    "The persistence job: trade_executed -> Elasticsearch and, independently, ClickHouse.")
            .stores(StoreOption.KAFKA)
            .option("topic", "TOPIC", "the outcomes read", Topics.TRADE_EXECUTED.name())
            .option("group", "PREFIX", "of each store's consumer group", "trade-persistence")
            .stores(StoreOption.ELASTICSEARCH)
            .stores(StoreOption.CLICKHOUSE)
            .option("checkpoint-interval-ms", "MS", "between checkpoints", "5000")
            .option("parallelism", "N", "of the job", "1")
            .option("batch-size", "N", "most events per bulk request or insert", "1000")
            .option("max-time-in-buffer-ms", "MS", "longest wait for a batch to fill", "500")
            .option("dead-letter-topic", "TOPIC", "records no store can take", Topics.TRADE_EXECUTED_DEAD_LETTERS)
            .option(
                    "zipkin",
                    "URL",
                    "Zipkin's span endpoint, e.g. http://127.0.0.1:9411/api/v2/spans (no spans without)");

    public PersistenceJobConfig {
        if (batchSize < 1 || parallelism < 1 || checkpointInterval.isNegative() || maxTimeInBuffer.isNegative()) {
            throw new IllegalArgumentException("batch size and parallelism must be positive, durations >= 0");
        }
    }

    /**
     * From the job's program arguments ({@code --name value}, as a Flink cluster passes them, or --name=value); the
     * usage ends the program on {@code --help} or an option the job does not take.
     */
    public static PersistenceJobConfig fromCommandLine(String... args) {
        return of(COMMAND.parseOrExit(args));
    }

    private static PersistenceJobConfig of(CommandLine.Arguments arguments) {
        return new PersistenceJobConfig(
                arguments.get(StoreOption.KAFKA),
                arguments.get("topic"),
                arguments.get("group"),
                arguments.get(StoreOption.ELASTICSEARCH),
                arguments.get(StoreOption.CLICKHOUSE),
                Duration.ofMillis(Long.parseLong(arguments.get("checkpoint-interval-ms"))),
                Integer.parseInt(arguments.get("parallelism")),
                Integer.parseInt(arguments.get("batch-size")),
                Duration.ofMillis(Long.parseLong(arguments.get("max-time-in-buffer-ms"))),
                arguments.get("dead-letter-topic"),
                new TracingSettings("persistence-job", arguments.get("zipkin")));
    }
}
