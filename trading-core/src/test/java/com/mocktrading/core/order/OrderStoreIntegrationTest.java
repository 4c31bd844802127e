package com.mocktrading.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.StoreTables;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.Side;
import com.mocktrading.localstack.SharedServers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class OrderStoreIntegrationTest {

    private static DynamoDbClient dynamo;
    private static OrderStore store;

    @BeforeAll
    static void createTables() {
        dynamo = SharedServers.dynamoDb().client();
        StoreTables.create(dynamo);
        store = new OrderStore(dynamo, TableDefinitions.ORDERS);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void recordsAnAcceptedOrderOnceAndReadsItBack() {
        OrderRecord order = order("user-" + UUID.randomUUID(), 0);

        assertThat(store.recordAccepted(order)).isTrue();
        assertThat(store.recordAccepted(order)).isFalse();
        assertThat(store.find(order.orderId())).contains(order);
        assertThat(store.find("no-such-order")).isEmpty();
    }

    @Test
    void listsAUsersOrdersNewestFirstOptionallyByStatusAndNeverAnotherUsers() {
        String user = "user-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            store.recordAccepted(order(user, i));
        }
        store.recordAccepted(order("someone-else", 99));

        var recent = store.recentOf(user, Optional.empty(), 5);
        var accepted = store.recentOf(user, Optional.of(OrderStatus.ACCEPTED), 40);
        var executed = store.recentOf(user, Optional.of(OrderStatus.EXECUTED), 10);

        assertThat(recent).extracting(o -> o.quantity()).containsExactly(30L, 29L, 28L, 27L, 26L);
        assertThat(accepted).hasSize(30).allMatch(o -> o.userId().equals(user));
        assertThat(executed).isEmpty();
    }

    @Test
    void aRareStatusFilterLooksAtTheMostRecentThousandOrdersOnlyAndHidesWithdrawnOnes() {
        String user = "user-" + UUID.randomUUID();
        OrderRecord withdrawnOrder = order(user, 0);
        store.withdraw(withdrawnOrder.orderId(), user, "ACME", Side.BUY, 1, withdrawnOrder.acceptedAt()); // never shown
        OrderRecord old = order(user, 1);
        // The one executed order, older than the most recent thousand: a filter for it would page the whole index.
        store.recordAccepted(new OrderRecord(
                old.orderId(),
                user,
                "ACME",
                Side.BUY,
                1,
                OrderStatus.EXECUTED,
                old.acceptedAt(),
                old.validationPrice(),
                new BigDecimal("10.0000"),
                old.acceptedAt(),
                null));
        for (int i = 2; i <= OrderStore.MAX_SCANNED + 50; i++) {
            store.recordAccepted(order(user, i));
        }

        var withdrawn = store.recentOf(user, Optional.of(OrderStatus.WITHDRAWN), 10);
        var executed = store.recentOf(user, Optional.of(OrderStatus.EXECUTED), 10);
        var recent = store.recentOf(user, Optional.empty(), 100);

        assertThat(withdrawn).isEmpty();
        assertThat(executed).isEmpty();
        assertThat(recent).hasSize(100).noneMatch(o -> o.status() == OrderStatus.WITHDRAWN);
    }

    private static OrderRecord order(String user, int i) {
        return OrderRecord.accepted(
                UUID.randomUUID().toString(),
                user,
                "ACME",
                Side.BUY,
                i + 1,
                Instant.parse("2026-11-24T03:00:00.000Z").plusMillis(i),
                new BigDecimal("10.0000"));
    }
}
