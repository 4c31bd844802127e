package com.mocktrading.execution;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.events.Topics;
import com.mocktrading.tracing.TracingSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * Everything the execution job is configured with; every value has a local-run default and can be given on the
 * command line ({@link #COMMAND}: {@code --name value}, as a Flink cluster passes program arguments, or
 * {@code --name=value}).
 *
 * @param priceStaleness a price older than this fails the order with FAILED_PRICE_UNAVAILABLE
 * @param conflictAttempts optimistic transactions for one order while its portfolio keeps changing under it
 * @param storeAttempts executions of one order while a store fails (throttled, unreachable); then the job fails
 *     and restarts from its checkpoint. A portfolio that kept changing through every conflict attempt is not
 *     retried again.
 * @param storeBackoff the wait before the second execution, doubling for each one after
 * @param transactionTimeout of the sinks' Kafka transactions: above the longest checkpoint, below the broker's
 *     transaction.max.timeout.ms (15 min by default); a transaction left open by a crashed attempt is aborted by
 *     then. An outcome whose transaction timed out is emitted again (see EmitOutcomesOnce), so a recovery that
 *     takes longer loses nothing.
 * @param tracing where the job's spans go (none unless {@code --zipkin} is given)
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
        Duration checkpointInterval,
        int parallelism,
        int executorThreads,
        int priceLookups,
        Duration priceRetryDelay,
        Duration priceStaleness,
        Duration transactionTimeout,
        int conflictAttempts,
        int storeAttempts,
        Duration storeBackoff,
        TracingSettings tracing)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The job's options, each with its local-run default. */
    static final CommandLine COMMAND = CommandLine.command(
                    "flink run flink-execution-job-VERSION-job.jar [options]",
                    "The execution job: trade_orders -> one DynamoDB transaction per order -> trade_executed.")
            .stores(StoreOption.KAFKA)
            .option("orders-topic", "TOPIC", "the orders read", Topics.TRADE_ORDERS.name())
            .option("outcomes-topic", "TOPIC", "the outcomes written", Topics.TRADE_EXECUTED.name())
            .option("dead-letter-topic", "TOPIC", "orders that cannot be read", Topics.TRADE_ORDERS_DEAD_LETTERS)
            .option("group", "ID", "the Kafka consumer group", "flink-execution-job")
            .option("transactional-id-prefix", "PREFIX", "of the outcome sink's Kafka transactions", "execution-job")
            .stores(StoreOption.DYNAMODB)
            .option("region", "REGION", "the AWS region", "us-east-1")
            .stores(StoreOption.REDIS)
            .option("portfolios-table", "TABLE", "portfolios", "Portfolios")
            .option("funding-table", "TABLE", "opening funding", "Funding")
            .option("orders-table", "TABLE", "order records", "Orders")
            .option("checkpoint-interval-ms", "MS", "between checkpoints", "2000")
            .option("parallelism", "N", "of the job", "2")
            .option("executor-threads", "N", "concurrent executions per subtask", "16")
            .option("price-lookups", "N", "tries to read a price", "3")
            .option("price-retry-delay-ms", "MS", "between price lookups", "200")
            // order-service's acceptance bound (mocktrading.orders.price-staleness): one freshness rule
            .option("price-staleness-ms", "MS", "a price older than this fails the order", "60000")
            .option("transaction-timeout-ms", "MS", "of the outcome sink's Kafka transactions", "300000")
            .option("conflict-attempts", "N", "transactions per order while its portfolio keeps changing", "20")
            .option("store-attempts", "N", "executions per order while DynamoDB or Redis fail", "5")
            .option("store-backoff-ms", "MS", "first wait before another execution, doubling", "100")
            .option(
                    "zipkin",
                    "URL",
                    "Zipkin's span endpoint, e.g. http://127.0.0.1:9411/api/v2/spans (no spans without)");

    /**
     * From the job's program arguments ({@code --name value}, as a Flink cluster passes them, or --name=value); the
     * usage ends the program on {@code --help} or an option the job does not take.
     */
    public static ExecutionJobConfig fromCommandLine(String... args) {
        return of(COMMAND.parseOrExit(args));
    }

    private static ExecutionJobConfig of(CommandLine.Arguments args) {
        return new ExecutionJobConfig(
                args.get(StoreOption.KAFKA),
                args.get("orders-topic"),
                args.get("outcomes-topic"),
                args.get("dead-letter-topic"),
                args.get("group"),
                args.get("transactional-id-prefix"),
                args.get(StoreOption.DYNAMODB),
                args.get("region"),
                args.get(StoreOption.REDIS),
                args.get("portfolios-table"),
                args.get("funding-table"),
                args.get("orders-table"),
                Duration.ofMillis(Long.parseLong(args.get("checkpoint-interval-ms"))),
                Integer.parseInt(args.get("parallelism")),
                Integer.parseInt(args.get("executor-threads")),
                Integer.parseInt(args.get("price-lookups")),
                Duration.ofMillis(Long.parseLong(args.get("price-retry-delay-ms"))),
                Duration.ofMillis(Long.parseLong(args.get("price-staleness-ms"))),
                Duration.ofMillis(Long.parseLong(args.get("transaction-timeout-ms"))),
                Integer.parseInt(args.get("conflict-attempts")),
                Integer.parseInt(args.get("store-attempts")),
                Duration.ofMillis(Long.parseLong(args.get("store-backoff-ms"))),
                new TracingSettings("execution-job", args.get("zipkin")));
    }
}
