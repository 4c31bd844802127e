package com.mocktrading.core.order;

import com.mocktrading.core.dynamodb.TableDefinitions;
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

    public Optional<OrderRecord> find(String orderId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(OrderItems.ORDER_ID, AttributeValue.fromS(orderId)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(OrderItems.fromItem(response.item()))
                : Optional.empty();
    }

    /** The user's most recent orders, newest first, optionally only those in one status. */
    public List<OrderRecord> recentOf(String userId, Optional<OrderStatus> status, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#user", OrderItems.USER_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":user", AttributeValue.fromS(userId)));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(TableDefinitions.ORDERS_BY_USER_INDEX)
                .keyConditionExpression("#user = :user")
                .scanIndexForward(false);
        status.ifPresent(wanted -> {
            names.put("#status", OrderItems.STATUS);
            values.put(":status", AttributeValue.fromS(wanted.name()));
            query.filterExpression("#status = :status");
        });
        query.expressionAttributeNames(names).expressionAttributeValues(values);

        List<OrderRecord> orders = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            // A filter applies after the page is read: keep paging until enough orders matched.
            QueryResponse page = dynamo.query(
                    query.limit(Math.max(limit, 25)).exclusiveStartKey(startKey).build());
            page.items().stream()
                    .map(OrderItems::fromItem)
                    .limit(limit - orders.size())
                    .forEach(orders::add);
            startKey =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (orders.size() < limit && startKey != null);
        return orders;
    }
}
