package com.mocktrading.execution;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.functions.EmitOutcomesOnce;
import com.mocktrading.execution.functions.ExecuteOrders;
import com.mocktrading.execution.functions.ParseOrders;
import com.mocktrading.execution.records.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * trade_orders -> parse (poison -> dead letters) -> keyBy user -> execute (DynamoDB, ordered per user) ->
 * keyBy user -> emit each outcome once -> trade_executed. Exactly once: the Kafka transactions commit with the
 * checkpoints; the stores' once-only condition turns a replayed order into its stored outcome; and every outcome
 * is checked against trade_executed itself, so one whose transaction was lost is emitted again and a replayed one
 * already there is not.
 */
public final class ExecutionJob {

    private ExecutionJob() {}

    public static void main(String[] args) throws Exception {
        ExecutionJobConfig config = ExecutionJobConfig.fromCommandLine(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(environment());
        build(env, config);
        env.execute("trade-execution");
    }

    /**
     * Restarts after any failure with an exponential backoff (1 s doubling to 1 min, jittered) that resets after
     * 10 min of running: a store outage of any length ends in recovery, never in a job FAILED for good, and a
     * crash loop does not hammer the stores. Keeps the last checkpoint when cancelled, so that a stopped
     * deployment (or local run) resumes from it with its de-duplication state instead of from the committed
     * offsets alone.
     */
    public static Configuration environment() {
        Configuration configuration = new Configuration();
        // Every type between operators and in state has a Flink serializer of its own: a type that would fall back
        // to Kryo fails the job graph instead of being serialized field by field behind our back.
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        configuration.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        configuration.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                Duration.ofMinutes(10));
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        return configuration;
    }

    /**
     * The async operator's timeout counts from when an order is queued, and a user's orders wait for each other:
     * a burst of one user's orders behind a slow store would time out and fail the job although nothing is wrong.
     * Each store call has its own timeout and retries; this is only the bound on a stuck operator.
     */
    static final Duration ASYNC_TIMEOUT = Duration.ofMinutes(30);

    public static void build(StreamExecutionEnvironment env, ExecutionJobConfig config) {
        build(env, config, ExecutionConnectors.of(config));
    }

    /** The job between {@code connectors}: Kafka and DynamoDB in production, any other in a test. */
    public static void build(
            StreamExecutionEnvironment env, ExecutionJobConfig config, ExecutionConnectors connectors) {
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

        SingleOutputStreamOperator<EventEnvelope<TradeOrderPayload>> orders = env.fromSource(
                        connectors.orders(), WatermarkStrategy.noWatermarks(), "trade_orders")
                .uid("trade-orders-source")
                .process(new ParseOrders())
                .uid("parse-orders")
                .name("parse orders");
        orders.getSideOutput(ParseOrders.DEAD_LETTERS)
                .sinkTo(connectors.deadLetters())
                .uid("dead-letter-sink")
                .name("trade_orders.dlq");

        SingleOutputStreamOperator<Outcome> outcomes = AsyncDataStream.orderedWait(
                        orders.keyBy(order -> order.payload().userId()),
                        new ExecuteOrders(config, connectors.dynamoDb()),
                        ASYNC_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS,
                        100)
                .uid("execute-orders")
                .name("execute orders");
        outcomes.keyBy(Outcome::userId)
                .transform(
                        "emit each outcome once",
                        TypeInformation.of(Outcome.class),
                        new EmitOutcomesOnce(connectors.publishedOutcomes(), config.tracing()))
                .uid("emit-outcomes-once")
                .sinkTo(connectors.outcomes())
                .uid("trade-executed-sink")
                .name("trade_executed");
    }
}
