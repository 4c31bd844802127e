package com.mocktrading.persistence;

import com.mocktrading.persistence.clickhouse.ClickHouseTradeSink;
import com.mocktrading.persistence.deadletter.DeadLetterTarget;
import com.mocktrading.persistence.elasticsearch.ElasticsearchTradeSink;
import com.mocktrading.persistence.sink.SinkSettings;
import com.mocktrading.persistence.sink.TradeStoreSink;
import com.mocktrading.persistence.source.TradeRecord;
import com.mocktrading.persistence.source.TradeRecordDeserializer;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * trade_executed -> Elasticsearch (history) and, independently, trade_executed -> ClickHouse (analytics). Two
 * pipelines in one job, each with its own Kafka source and consumer group: a store that is down backpressures
 * only its own pipeline, and a failing one restarts only its own region. Writes are at least once (flushed on
 * every checkpoint, offsets in the checkpoint); replays are harmless because both stores key a trade by its
 * eventId.
 */
public final class PersistenceJob {

    private PersistenceJob() {}

    public static void main(String[] args) throws Exception {
        PersistenceJobConfig config = PersistenceJobConfig.fromCommandLine(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(environment());
        build(env, config);
        env.execute("trade-persistence");
    }

    /**
     * A store that is down makes checkpoints time out (their flush waits for it); that must not fail the job, which
     * is waiting for the store on purpose. Restarts back off exponentially and never give up: nothing here gets
     * better by stopping. Checkpoints are kept on cancel so a redeployment resumes where it stopped.
     */
    public static Configuration environment() {
        Configuration configuration = new Configuration();
        // Every type between operators and in state has a Flink serializer of its own: a type that would fall back
        // to Kryo fails the job graph instead of being serialized field by field behind our back.
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(2));
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        configuration.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));
        return configuration;
    }

    public static void build(StreamExecutionEnvironment env, PersistenceJobConfig config) {
        env.setParallelism(config.parallelism());
        // At least once: the sinks are idempotent, so barrier alignment would only add latency.
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.AT_LEAST_ONCE);
        SinkSettings settings = SinkSettings.of(config.batchSize(), config.maxTimeInBuffer());
        pipeline(
                env,
                config,
                "elasticsearch",
                new ElasticsearchTradeSink(
                        config.elasticsearchUrl(), settings, deadLetters(config, "elasticsearch"), config.tracing()));
        pipeline(
                env,
                config,
                "clickhouse",
                new ClickHouseTradeSink(
                        config.clickHouseUrl(), settings, deadLetters(config, "clickhouse"), config.tracing()));
    }

    private static DeadLetterTarget deadLetters(PersistenceJobConfig config, String pipeline) {
        return new DeadLetterTarget(config.kafkaBootstrapServers(), config.deadLetterTopic(), pipeline);
    }

    // The connector still takes Kafka's deprecated reset enum; a first start reads trade_executed from the beginning.
    @SuppressWarnings("deprecation")
    private static void pipeline(
            StreamExecutionEnvironment env, PersistenceJobConfig config, String store, TradeStoreSink sink) {
        KafkaSource<TradeRecord> source = KafkaSource.<TradeRecord>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(config.topic())
                .setGroupId(config.consumerGroupPrefix() + "-" + store)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new TradeRecordDeserializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), config.topic() + " for " + store)
                .uid(store + "-source")
                .sinkTo(sink)
                .uid(store + "-sink")
                .name(store);
    }
}
