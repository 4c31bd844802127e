package com.mocktrading.execution.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.ExecutionConnectors;
import com.mocktrading.execution.ExecutionJob;
import com.mocktrading.execution.ExecutionJobConfig;
import com.mocktrading.execution.functions.DynamoDbClientFactory;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.flink.SharedFlinkCluster;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.schema.SharedSchema;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Real Kafka, DynamoDB, Redis and Flink for the execution job's tests, each run on its own topics. */
public final class ExecutionTestSupport {

    public static final String KAFKA = SharedServers.kafka().bootstrapServers();
    private static PortfolioStore portfolios;

    private ExecutionTestSupport() {}

    public static synchronized PortfolioStore portfolios() throws Exception {
        if (portfolios == null) {
            SharedSchema.on(StoreOption.KAFKA, StoreOption.DYNAMODB);
            DynamoDbClient dynamo = SharedServers.dynamoDb().client();
            portfolios = new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING);
        }
        return portfolios;
    }

    public static Portfolio portfolio(String user) {
        return portfolios.find(user, Consistency.STRONG).orElseThrow();
    }

    /** A configuration on the topics of this run, created unless they exist; {@code extra} overrides any argument. */
    public static ExecutionJobConfig config(String run, Map<String, String> extra) throws Exception {
        Map<String, String> arguments = new HashMap<>(Map.of(
                "kafka", KAFKA,
                "orders-topic", "orders-" + run,
                "outcomes-topic", "outcomes-" + run,
                "dead-letter-topic", "dead-" + run,
                "group", "execution-" + run,
                "transactional-id-prefix", "execution-" + run,
                "dynamodb", SharedServers.dynamoDb().endpointUrl(),
                "redis", SharedServers.redis().uri(),
                "checkpoint-interval-ms", "500"));
        arguments.putAll(extra);
        ExecutionJobConfig config = ExecutionJobConfig.fromCommandLine(arguments.entrySet().stream()
                .map(argument -> "--" + argument.getKey() + "=" + argument.getValue())
                .toArray(String[]::new));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(
                            new NewTopic(config.ordersTopic(), 4, (short) 1),
                            new NewTopic(config.outcomesTopic(), 4, (short) 1),
                            new NewTopic(config.deadLetterTopic(), 2, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        return config;
    }

    public static JobClient start(ExecutionJobConfig config, String name) throws Exception {
        return start(config, name, new Configuration());
    }

    /** Started with {@code extra} on top of the job's own environment. */
    public static JobClient start(ExecutionJobConfig config, String name, Configuration extra) throws Exception {
        return start(config, name, extra, DynamoDbClientFactory.sdk());
    }

    /** Started with its DynamoDB client from {@code dynamoDb} (e.g. {@link CrashingDynamoDb}). */
    public static JobClient start(
            ExecutionJobConfig config, String name, Configuration extra, DynamoDbClientFactory dynamoDb)
            throws Exception {
        Configuration environment = ExecutionJob.environment();
        environment.addAll(extra);
        StreamExecutionEnvironment env = SharedFlinkCluster.get().remoteEnvironment(environment);
        ExecutionConnectors real = ExecutionConnectors.of(config);
        ExecutionJob.build(
                env,
                config,
                new ExecutionConnectors(
                        real.orders(), real.deadLetters(), real.outcomes(), real.publishedOutcomes(), dynamoDb));
        return env.executeAsync(name);
    }

    /**
     * A job whose checkpoints come only from {@link #checkpoint}: the interval is an hour and so is the pause
     * after the start, which Flink's first periodic checkpoint waits for.
     */
    public static JobClient startWithManualCheckpoints(ExecutionJobConfig config, String name) throws Exception {
        Configuration manual = new Configuration();
        manual.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofHours(1));
        return start(config, name, manual);
    }

    /** Triggers a checkpoint through the cluster's REST API and waits until it has completed; returns its path. */
    public static Path checkpoint(JobClient job) throws Exception {
        Configuration rest = new Configuration();
        rest.set(RestOptions.ADDRESS, "127.0.0.1");
        rest.set(RestOptions.PORT, SharedFlinkCluster.get().restPort());
        try (RestClusterClient<StandaloneClusterId> client =
                new RestClusterClient<>(rest, StandaloneClusterId.getInstance())) {
            long id = client.triggerCheckpoint(job.getJobID(), CheckpointType.FULL)
                    .get(60, TimeUnit.SECONDS);
            return SharedFlinkCluster.get()
                    .checkpointDirectory()
                    .resolve(job.getJobID().toString())
                    .resolve("chk-" + id);
        }
    }

    /** Waits until the execution job has decided every one of these orders in DynamoDB. */
    public static void awaitDecided(List<TradeOrderPayload> orders) throws Exception {
        OrderStore store = new OrderStore(SharedServers.dynamoDb().client(), TableDefinitions.ORDERS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (TradeOrderPayload order : orders) {
            while (!store.find(order.orderId()).map(o -> o.status().isFinal()).orElse(false)) {
                assertThat(System.nanoTime())
                        .as("order " + order.orderId() + " decided")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** Waits until no transaction whose id starts with {@code prefix} is open: committed, aborted or timed out. */
    public static void awaitNoOpenTransaction(String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.listTransactions().all().get().stream()
                    .anyMatch(t -> t.transactionalId().startsWith(prefix) && t.state() == TransactionState.ONGOING)) {
                assertThat(System.nanoTime())
                        .as("the transactions of " + prefix + " ended")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    public static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static void price(String symbol, String price) {
        price(symbol, price, Instant.now());
    }

    public static void price(String symbol, String price, Instant feedTimestamp) {
        RedisClient client = RedisClient.create(SharedServers.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            new PriceCache(() -> connection).update(new LatestPrice(symbol, new BigDecimal(price), feedTimestamp));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    public static TradeOrderPayload order(String user, String symbol, Side side, long quantity) {
        return new TradeOrderPayload(UUID.randomUUID().toString(), user, symbol, quantity, side, Instant.now());
    }

    public static byte[] event(TradeOrderPayload order) {
        return Topics.TRADE_ORDERS
                .serde()
                .serialize(Topics.TRADE_ORDERS.newEventWithId(
                        "order-event-" + order.orderId(),
                        "test",
                        order,
                        TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    }

    public static void produce(String topic, String key, byte[]... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                        .get();
            }
        }
    }

    /** Committed outcome events, once the expected number of orders has one; then a little longer for duplicates. */
    public static List<EventEnvelope<TradeExecutedPayload>> awaitOutcomes(String topic, int orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline
                && read(topic).stream()
                                .map(e -> e.payload().orderId())
                                .distinct()
                                .count()
                        < orders) {
            Thread.sleep(500);
        }
        Thread.sleep(3000); // a few checkpoints later: a duplicate would have been committed by now
        List<EventEnvelope<TradeExecutedPayload>> events = read(topic);
        assertThat(events.stream().map(e -> e.payload().orderId()).distinct().count())
                .as("orders with an outcome")
                .isEqualTo(orders);
        return events;
    }

    public static List<EventEnvelope<TradeExecutedPayload>> read(String topic) {
        return TopicReader.readCommitted(KAFKA).readToEnd(topic, Duration.ofSeconds(30)).stream()
                .map(record ->
                        Topics.TRADE_EXECUTED.serde().deserialize(record.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
