package com.mocktrading.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.functions.DeadLetterSerializer;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.flink.SharedFlinkCluster;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.schema.SchemaBootstrap;
import com.mocktrading.schema.SchemaTargets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ExecutionJobIntegrationTest {

    private static final String KAFKA = SharedServers.kafka().bootstrapServers();
    private static DynamoDbClient dynamo;
    private static PortfolioStore portfolios;

    @BeforeAll
    static void bootstrap() throws Exception {
        new SchemaBootstrap(new SchemaTargets(KAFKA, SharedServers.dynamoDb().endpointUrl(), null, null, (short) 1))
                .apply();
        dynamo = SharedServers.dynamoDb().client();
        portfolios = new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS);
    }

    @Test
    void executesEachOrderOnceAtTheLatestPriceAndDeadLettersPoison() throws Exception {
        // Given three users, prices, and a topic with their orders, a duplicate and two poison records
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutionJobConfig config = config(run);
        String alice = "alice-" + run;
        String bob = "bob-" + run;
        String carol = "carol-" + run;
        portfolios.provision(alice, new BigDecimal("1000.00"));
        portfolios.provision(bob, new BigDecimal("50.00"));
        portfolios.provision(carol, new BigDecimal("50.00"));
        price("EXEC", "10.00");
        TradeOrderPayload aliceBuys = order(alice, Side.BUY, 10);
        TradeOrderPayload aliceSells = order(alice, Side.SELL, 4);
        TradeOrderPayload bobBuys = order(bob, Side.BUY, 6);
        TradeOrderPayload carolSells = order(carol, Side.SELL, 1);
        produce(config.ordersTopic(), alice, event(aliceBuys));
        produce(config.ordersTopic(), alice, event(aliceSells));
        produce(config.ordersTopic(), alice, event(aliceBuys)); // duplicate, e.g. republished after a timeout
        produce(config.ordersTopic(), bob, event(bobBuys));
        produce(config.ordersTopic(), carol, event(carolSells));
        produce(config.ordersTopic(), "x", "not json".getBytes(StandardCharsets.UTF_8));
        produce(
                config.ordersTopic(),
                "y",
                new String(event(carolSells), StandardCharsets.UTF_8)
                        .replace("\"quantity\":1", "\"quantity\":0")
                        .getBytes(StandardCharsets.UTF_8));

        // When the job runs
        StreamExecutionEnvironment env = SharedFlinkCluster.get().remoteEnvironment(ExecutionJob.environment());
        ExecutionJob.build(env, config);
        JobClient job = env.executeAsync("execution-" + run);
        try {
            Map<String, TradeExecutedPayload> outcomes = awaitOutcomes(config.outcomesTopic(), 4);

            // Then each order has exactly one outcome, decided at execution time
            assertThat(outcomes.get(aliceBuys.orderId()).status()).isEqualTo(ExecutionStatus.EXECUTED);
            assertThat(outcomes.get(aliceBuys.orderId()).executionPrice()).isEqualByComparingTo("10.00");
            assertThat(outcomes.get(aliceSells.orderId()).status()).isEqualTo(ExecutionStatus.EXECUTED);
            assertThat(outcomes.get(bobBuys.orderId()).status()).isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
            assertThat(outcomes.get(carolSells.orderId()).status())
                    .isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS);

            // And the portfolios moved exactly by the executed trades, once
            Portfolio after = portfolios.find(alice, Consistency.STRONG).orElseThrow();
            assertThat(after.cashBalance()).isEqualByComparingTo("940.00");
            assertThat(after.quantityOf("EXEC")).isEqualTo(6);
            assertThat(after.version()).isEqualTo(2);
            assertThat(portfolios.find(bob, Consistency.STRONG).orElseThrow().version())
                    .isZero();

            // And the poison records are in the dead-letter topic with their reasons
            List<ConsumerRecord<String, String>> dead = TopicReader.readCommitted(KAFKA)
                    .read(config.deadLetterTopic(), 2, Duration.ofSeconds(30), Duration.ZERO);
            assertThat(dead).hasSize(2).allSatisfy(record -> assertThat(
                            record.headers().lastHeader(DeadLetterSerializer.REASON_HEADER))
                    .isNotNull());
        } finally {
            job.cancel().get();
        }
    }

    /** Waits for the expected number of distinct orders, then checks that no order has a second event. */
    private static Map<String, TradeExecutedPayload> awaitOutcomes(String topic, int orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<EventEnvelope<TradeExecutedPayload>> events = List.of();
        while (System.nanoTime() < deadline) {
            events = read(topic);
            if (events.stream().map(e -> e.payload().orderId()).distinct().count() >= orders) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(3000); // a checkpoint or two later, a duplicate would have been committed too
        events = read(topic);
        assertThat(events).hasSize(orders);
        return events.stream().collect(Collectors.toMap(e -> e.payload().orderId(), EventEnvelope::payload));
    }

    private static List<EventEnvelope<TradeExecutedPayload>> read(String topic) {
        return TopicReader.readCommitted(KAFKA).readToEnd(topic, Duration.ofSeconds(30)).stream()
                .map(record ->
                        Topics.TRADE_EXECUTED.serde().deserialize(record.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private static ExecutionJobConfig config(String run) throws Exception {
        ExecutionJobConfig config = ExecutionJobConfig.fromArguments(Map.of(
                "kafka", KAFKA,
                "orders-topic", "orders-" + run,
                "outcomes-topic", "outcomes-" + run,
                "dead-letter-topic", "dead-" + run,
                "group", "execution-" + run,
                "transactional-id-prefix", "execution-" + run,
                "dynamodb", SharedServers.dynamoDb().endpointUrl(),
                "redis", SharedServers.redis().uri(),
                "checkpoint-interval-ms", "500"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(
                            new NewTopic(config.ordersTopic(), 4, (short) 1),
                            new NewTopic(config.outcomesTopic(), 4, (short) 1),
                            new NewTopic(config.deadLetterTopic(), 2, (short) 1)))
                    .all()
                    .get();
        }
        return config;
    }

    private static void price(String symbol, String price) {
        RedisClient client = RedisClient.create(SharedServers.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            new PriceCache(() -> connection).update(new LatestPrice(symbol, new BigDecimal(price), Instant.now()));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static TradeOrderPayload order(String user, Side side, long quantity) {
        return new TradeOrderPayload(UUID.randomUUID().toString(), user, "EXEC", quantity, side, Instant.now());
    }

    private static byte[] event(TradeOrderPayload order) {
        return Topics.TRADE_ORDERS
                .serde()
                .serialize(Topics.TRADE_ORDERS.newEventWithId(
                        "order-event-" + order.orderId(),
                        "test",
                        order,
                        TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    }

    private static void produce(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .get();
        }
    }
}
