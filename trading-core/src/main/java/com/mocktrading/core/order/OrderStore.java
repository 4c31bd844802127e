package com.mocktrading.core.order;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Order records in the {@code Orders} table. */
public final class OrderStore {

    public static final int MAX_SCANNED = 1000;

    private final DynamoDbClient dynamo;
    private final String table;

    public OrderStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Records an order that is already in trade_orders. Never overwrites: if the execution job got there first
     * (it creates the record with the outcome when it finds none), its record stands.
     *
     * @return false when a record existed already
     */
    public boolean recordAccepted(OrderRecord order) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(OrderItems.toItem(order))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", OrderItems.ORDER_ID)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * Fences an order whose publication Kafka did not confirm: from now on the execution job skips it, should it
     * be in trade_orders after all. Only possible while nobody decided or recorded the order.
     *
     * @return true when the order is withdrawn (also when an earlier attempt of this same call withdrew it);
     *     false when it is recorded already, i.e. it did reach trade_orders and stands
     */
    public boolean withdraw(String orderId, String userId, String symbol, Side side, long quantity, Instant at) {
        OrderRecord withdrawn = new OrderRecord(
                orderId, userId, symbol, side, quantity, OrderStatus.WITHDRAWN, at, null, null, at, null);
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(OrderItems.toItem(withdrawn))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", OrderItems.ORDER_ID)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            // The SDK may have retried a put that had succeeded: only a withdrawn record means ours.
            return find(orderId)
                    .map(order -> order.status() == OrderStatus.WITHDRAWN)
                    .orElse(false);
        }
    }

    public Optional<OrderRecord> find(String orderId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(OrderItems.ORDER_ID, AttributeValue.fromS(orderId)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrderItems.fromItem(response.item()))
                : Optional.empty();
    }

    /**
     * The user's most recent accepted orders, newest first, optionally only those in one status. A status filter
     * applies after DynamoDB read the items, so the scan is bounded: a rare status yields the matches among the
     * user's {@value #MAX_SCANNED} most recent orders, never a walk through a whole long history.
     */
    public List<OrderRecord> recentOf(String userId, Optional<OrderStatus> status, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#user", OrderItems.USER_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":user", AttributeValue.fromS(userId)));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(TableDefinitions.ORDERS_BY_USER_INDEX)
                .keyConditionExpression("#user = :user")
                .scanIndexForward(false);
        names.put("#status", OrderItems.STATUS);
        values.put(":withdrawn", AttributeValue.fromS(OrderStatus.WITHDRAWN.name()));
        query.filterExpression("#status <> :withdrawn");
        status.ifPresent(wanted -> {
            values.put(":status", AttributeValue.fromS(wanted.name()));
            query.filterExpression("#status = :status AND #status <> :withdrawn");
        });
        query.expressionAttributeNames(names).expressionAttributeValues(values);

        List<OrderRecord> orders = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        int scanned = 0;
        do {
            // A filter applies after the page is read: keep paging until enough orders matched.
            QueryResponse page = dynamo.query(query.limit(Math.min(Math.max(limit, 25), MAX_SCANNED - scanned))
                    .exclusiveStartKey(startKey)
                    .build());
            scanned += page.scannedCount();
            page.items().stream()
                    .map(OrderItems::fromItem)
                    .limit(limit - orders.size())
                    .forEach(orders::add);
            startKey =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (orders.size() < limit && startKey != null && scanned < MAX_SCANNED);
        return orders;
    }
}
