package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderItems;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.schema.SharedSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The recovery of a lost outcome: republished from the order record, once, under the execution job's event id. */
class RepublishOutcomesIntegrationTest {

    private static String dynamoDb;
    private static String kafka;

    @BeforeAll
    static void stores() throws Exception {
        dynamoDb = SharedServers.dynamoDb().endpointUrl();
        kafka = SharedServers.kafka().bootstrapServers();
        SharedSchema.on(StoreOption.KAFKA, StoreOption.DYNAMODB, StoreOption.ELASTICSEARCH, StoreOption.CLICKHOUSE);
    }

    @Test
    void anOrderDecidedLongAgoWithoutAnOutcomeEventGetsItsStoredOutcomeOnceAndARecentOneIsLeftToTheJob()
            throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MILLIS);
        OrderRecord lost = failed("lost-" + UUID.randomUUID(), longAgo);
        OrderRecord recent = failed("recent-" + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SharedServers.dynamoDb().client().putItem(b -> b.tableName(TableDefinitions.ORDERS)
                .item(OrderItems.toItem(lost)));
        SharedServers.dynamoDb().client().putItem(b -> b.tableName(TableDefinitions.ORDERS)
                .item(OrderItems.toItem(recent)));
        Set<String> ours = Set.of(lost.orderId(), recent.orderId());

        List<String> dryRun = republish(ours, true);
        List<String> first = republish(ours, false);
        List<String> second = republish(ours, false);

        assertThat(dryRun).containsExactly(lost.orderId());
        assertThat(first).containsExactly(lost.orderId());
        assertThat(second).as("already in trade_executed").isEmpty();
        List<EventEnvelope<TradeExecutedPayload>> events =
                TopicReader.readCommitted(kafka)
                        .readToEnd(Topics.TRADE_EXECUTED.name(), Duration.ofSeconds(30))
                        .stream()
                        .map(record -> Topics.TRADE_EXECUTED
                                .serde()
                                .deserialize(record.value().getBytes(StandardCharsets.UTF_8)))
                        .filter(event -> ours.contains(event.payload().orderId()))
                        .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventId()).isEqualTo(Topics.TRADE_EXECUTED.eventIdOf(lost.orderId()));
        assertThat(events.get(0).payload()).isEqualTo(lost.outcome());
        // what the persistence job does with it next, so that the stores are left consistent
        ReadModels.index(events.get(0));
        ReadModels.insertRow(events.get(0));
        SharedServers.dynamoDb().client().deleteItem(b -> b.tableName(TableDefinitions.ORDERS)
                .key(Map.of(OrderItems.ORDER_ID, AttributeValue.fromS(recent.orderId()))));
    }

    private static List<String> republish(Set<String> orders, boolean dryRun) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return RepublishOutcomesCommand.run(
                dynamoDb, kafka, Duration.ofMinutes(10), orders, dryRun, new PrintStream(out, true, "UTF-8"));
    }

    private static OrderRecord failed(String id, Instant decidedAt) {
        return new OrderRecord(
                id,
                "republish-user",
                "ACME",
                Side.BUY,
                1,
                OrderStatus.FAILED_INSUFFICIENT_FUNDS,
                decidedAt.minusSeconds(1),
                null,
                null,
                decidedAt,
                "cash 0.00 < 10.00 at 10.00");
    }
}
