package com.mocktrading.execution;

import com.mocktrading.events.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the execution job is configured with; every value has a local-run default and can be given as
 * {@code --name value} on the command line (a Flink cluster passes program arguments that way).
 *
 * @param executeOnce the at-most-once condition on order records; {@code false} only in tests proving that the
 *     invariant checker catches double execution
 * @param priceStaleness a price older than this fails the order with FAILED_PRICE_UNAVAILABLE
 * @param transactionTimeout of the sinks' Kafka transactions: above the longest checkpoint, below the broker's
 *     transaction.max.timeout.ms (15 min by default); a transaction left open by a crashed attempt is aborted by
 *     then. An outcome whose transaction timed out is emitted again (see EmitOutcomesOnce), so a recovery that
 *     takes longer loses nothing.
 */
public record ExecutionJobConfig(
        String kafkaBootstrapServers,
        String ordersTopic,
        String outcomesTopic,
        String deadLetterTopic,
        String consumerGroup,
        String transactionalIdPrefix,
        String dynamoDbEndpoint,
        String dynamoDbRegion,
        String redisUri,
        String portfoliosTable,
        String fundingTable,
        String ordersTable,
        boolean executeOnce,
        Duration checkpointInterval,
        int parallelism,
        int executorThreads,
        int priceLookups,
        Duration priceRetryDelay,
        Duration priceStaleness,
        Duration transactionTimeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static ExecutionJobConfig fromArguments(Map<String, String> args) {
        return new ExecutionJobConfig(
                args.getOrDefault("kafka", "127.0.0.1:9092"),
                args.getOrDefault("orders-topic", Topics.TRADE_ORDERS.name()),
                args.getOrDefault("outcomes-topic", Topics.TRADE_EXECUTED.name()),
                args.getOrDefault("dead-letter-topic", Topics.TRADE_ORDERS_DEAD_LETTERS),
                args.getOrDefault("group", "flink-execution-job"),
                args.getOrDefault("transactional-id-prefix", "execution-job"),
                args.getOrDefault("dynamodb", "http://127.0.0.1:8000"),
                args.getOrDefault("region", "us-east-1"),
                args.getOrDefault("redis", "redis://127.0.0.1:6379"),
                args.getOrDefault("portfolios-table", "Portfolios"),
                args.getOrDefault("funding-table", "Funding"),
                args.getOrDefault("orders-table", "Orders"),
                Boolean.parseBoolean(args.getOrDefault("execute-once", "true")),
                Duration.ofMillis(Long.parseLong(args.getOrDefault("checkpoint-interval-ms", "2000"))),
                Integer.parseInt(args.getOrDefault("parallelism", "2")),
                Integer.parseInt(args.getOrDefault("executor-threads", "16")),
                Integer.parseInt(args.getOrDefault("price-lookups", "3")),
                Duration.ofMillis(Long.parseLong(args.getOrDefault("price-retry-delay-ms", "200"))),
                // order-service's acceptance bound (mocktrading.orders.price-staleness): one freshness rule
                Duration.ofMillis(Long.parseLong(args.getOrDefault("price-staleness-ms", "60000"))),
                Duration.ofMillis(Long.parseLong(args.getOrDefault("transaction-timeout-ms", "300000"))));
    }

    public ExecutionJobConfig withExecuteOnce(boolean once) {
        return new ExecutionJobConfig(
                kafkaBootstrapServers,
                ordersTopic,
                outcomesTopic,
                deadLetterTopic,
                consumerGroup,
                transactionalIdPrefix,
                dynamoDbEndpoint,
                dynamoDbRegion,
                redisUri,
                portfoliosTable,
                fundingTable,
                ordersTable,
                once,
                checkpointInterval,
                parallelism,
                executorThreads,
                priceLookups,
                priceRetryDelay,
                priceStaleness,
                transactionTimeout);
    }
}
