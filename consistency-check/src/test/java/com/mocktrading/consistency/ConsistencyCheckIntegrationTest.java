package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderItems;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.schema.SharedSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The checker against the real stores, read the way {@code bin/consistency-check} reads them: a healthy user
 * passes, and the negative controls planted for other users (a double execution, a lost accepted order, a
 * negative balance, a missing history document, a ClickHouse duplicate) are each reported.
 */
class ConsistencyCheckIntegrationTest {

    private static final Instant T = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
    private static DynamoDbClient dynamo;
    private static ConsistencyCheckCommand.Endpoints endpoints;

    @BeforeAll
    static void stores() throws Exception {
        endpoints = new ConsistencyCheckCommand.Endpoints(
                SharedServers.dynamoDb().endpointUrl(),
                SharedServers.kafka().bootstrapServers(),
                SharedServers.elasticsearch().httpUrl(),
                SharedServers.clickHouse().httpUrl());
        SharedSchema.on(StoreOption.KAFKA, StoreOption.DYNAMODB, StoreOption.ELASTICSEARCH, StoreOption.CLICKHOUSE);
        dynamo = SharedServers.dynamoDb().client();
    }

    @Test
    void aHealthyHistoryIsConsistentAndEveryPlantedViolationIsReported() throws Exception {
        // alice: funded 1000.00, bought 3 at 149.875 and sold 1: everything where it belongs
        fund("alice", "1000.00");
        OrderRecord aliceBuy = executed("alice-buy", "alice", Side.BUY, 3, "149.8750", 1);
        OrderRecord aliceSell = executed("alice-sell", "alice", Side.SELL, 1, "149.8750", 2);
        recordEverywhere(aliceBuy);
        recordEverywhere(aliceSell);
        portfolio("alice", "700.26", Map.of("ACME", 2L), Map.of("ACME", "299.75"), "0.01", 2);

        Reconciliation.Report healthy = ConsistencyCheckCommand.run(endpoints, Duration.ofSeconds(60));
        assertThat(healthy.violations()).isEmpty();
        assertThat(healthy.portfoliosJudged()).isEqualTo(1);
        assertThat(healthy.ordersWithOutcome()).isGreaterThanOrEqualTo(2); // other tests of this JVM add theirs

        // bob: one buy executed twice (two events, applied twice); dave: an accepted order never decided
        fund("bob", "1000.00");
        OrderRecord bobBuy = executed("bob-buy", "bob", Side.BUY, 1, "10.0000", 3);
        recordEverywhere(bobBuy);
        publish(event(bobBuy, "a-second-event-of-bob-buy"));
        portfolio("bob", "980.00", Map.of("ACME", 2L), Map.of("ACME", "20.00"), "0.00", 2);
        put(new OrderRecord("dave-lost", "dave", "ACME", Side.BUY, 1, OrderStatus.ACCEPTED, T, null, null, null, null));
        // carol: overdrawn; her trade is missing from Elasticsearch and doubled in ClickHouse
        fund("carol", "10.00");
        OrderRecord carolBuy = executed("carol-buy", "carol", Side.BUY, 2, "10.0000", 4);
        put(carolBuy);
        publish(event(carolBuy, "outcome-carol-buy"));
        ReadModels.insertRow(event(carolBuy, "outcome-carol-buy"));
        ReadModels.insertRow(event(carolBuy, "a-second-event-of-carol-buy"));
        portfolio("carol", "-10.00", Map.of("ACME", 2L), Map.of("ACME", "20.00"), "0.00", 1);

        Reconciliation.Report broken = ConsistencyCheckCommand.run(endpoints, Duration.ofSeconds(60));

        assertThat(broken.descriptions())
                .contains(
                        "order bob-buy has 2 outcome events in trade_executed",
                        "user bob's portfolio changed 2 times for 1 executed orders",
                        "order dave-lost accepted at " + T + " is still undecided",
                        "user carol has negative cash -10.00",
                        "order carol-buy is EXECUTED at 10.0000 but is missing from Elasticsearch",
                        "order carol-buy has 2 trades in ClickHouse")
                .noneMatch(violation -> violation.contains("alice"));
        // Each by the kind of promise it breaks, as the fault-injection report counts them.
        assertThat(broken.count(Violation.Kind.DUPLICATED)).isEqualTo(2);
        assertThat(broken.count(Violation.Kind.LOST)).isEqualTo(2);
        assertThat(broken.count(Violation.Kind.NEGATIVE)).isEqualTo(1);
        assertThat(broken.count(Violation.Kind.MISMATCH)).isGreaterThanOrEqualTo(1);
    }

    private static void fund(String user, String cash) {
        new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING)
                .provision(user, new BigDecimal(cash));
    }

    private static void portfolio(
            String user, String cash, Map<String, Long> holdings, Map<String, String> basis, String pnl, long version) {
        Map<String, BigDecimal> costBasis = new HashMap<>();
        basis.forEach((symbol, amount) -> costBasis.put(symbol, new BigDecimal(amount)));
        Portfolio portfolio = new Portfolio(
                user, new BigDecimal(cash), holdings, costBasis, new BigDecimal(pnl), T.plusSeconds(5), version);
        dynamo.putItem(b -> b.tableName(TableDefinitions.PORTFOLIOS).item(PortfolioItems.toItem(portfolio)));
    }

    private static OrderRecord executed(String id, String user, Side side, long quantity, String price, int second) {
        return new OrderRecord(
                id,
                user,
                "ACME",
                side,
                quantity,
                OrderStatus.EXECUTED,
                T,
                null,
                new BigDecimal(price),
                T.plusSeconds(second),
                null);
    }

    /** The order record, its outcome event, its Elasticsearch document and its ClickHouse row. */
    private static void recordEverywhere(OrderRecord order) throws Exception {
        put(order);
        EventEnvelope<TradeExecutedPayload> event = event(order, "outcome-" + order.orderId());
        publish(event);
        ReadModels.index(event);
        ReadModels.insertRow(event);
    }

    private static void put(OrderRecord order) {
        dynamo.putItem(b -> b.tableName(TableDefinitions.ORDERS).item(OrderItems.toItem(order)));
    }

    private static EventEnvelope<TradeExecutedPayload> event(OrderRecord order, String eventId) {
        return Topics.TRADE_EXECUTED.newEventWithId(
                eventId,
                "execution-job",
                order.outcome(),
                TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    private static void publish(EventEnvelope<TradeExecutedPayload> event) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(
                            Topics.TRADE_EXECUTED.name(),
                            event.payload().userId().getBytes(StandardCharsets.UTF_8),
                            Topics.TRADE_EXECUTED.serde().serialize(event)))
                    .get();
        }
    }
}
