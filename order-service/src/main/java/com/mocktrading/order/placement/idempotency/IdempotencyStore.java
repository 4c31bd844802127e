package com.mocktrading.order.placement.idempotency;

import com.mocktrading.core.Timestamps;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.events.Side;
import com.mocktrading.order.placement.Acceptance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Idempotency-Key records in DynamoDB, so they survive restarts and are shared by every replica. A key is
 * claimed with a conditional write (one winner among concurrent requests) and a lease: if the claimant dies,
 * a retry takes over after the lease, with the same order id, so the order can be published again without
 * ever executing twice (the execution job executes an order id once). Records expire by TTL after 24 h+.
 */
public final class IdempotencyStore {

    private static final String KEY = "idempotencyKey";
    private static final String FINGERPRINT = "fingerprint";
    private static final String ORDER_ID = "orderId";
    private static final String STATE = "state";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String EXPIRES_AT = TableDefinitions.IDEMPOTENCY_TTL_ATTRIBUTE;
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lease;
    private final Duration retention;

    public IdempotencyStore(DynamoDbClient dynamo, String table, Duration lease, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.lease = lease;
        this.retention = retention;
    }

    public Claim claim(String userId, String key, String fingerprint, String newOrderId, Instant now) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                            .key(key(userId, key))
                            .updateExpression("SET #fp = :fp, #state = :inProgress, #lease = :lease, #exp = :exp,"
                                    + " #order = if_not_exists(#order, :order)")
                            .conditionExpression("attribute_not_exists(#key) OR #exp < :nowSeconds"
                                    + " OR (#state = :inProgress AND #lease < :now AND #fp = :fp)")
                            .expressionAttributeNames(Map.of(
                                    "#key",
                                    KEY,
                                    "#fp",
                                    FINGERPRINT,
                                    "#state",
                                    STATE,
                                    "#lease",
                                    LEASE_UNTIL,
                                    "#exp",
                                    EXPIRES_AT,
                                    "#order",
                                    ORDER_ID))
                            .expressionAttributeValues(Map.of(
                                    ":fp", AttributeValue.fromS(fingerprint),
                                    ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                                    ":lease", number(now.plus(lease).toEpochMilli()),
                                    ":exp", number(now.plus(retention).getEpochSecond()),
                                    ":order", AttributeValue.fromS(newOrderId),
                                    ":now", number(now.toEpochMilli()),
                                    ":nowSeconds", number(now.getEpochSecond())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return new Claim.Claimed(item.get(ORDER_ID).s());
        } catch (ConditionalCheckFailedException taken) {
            return existing(userId, key, fingerprint);
        }
    }

    /** Stores the answer; from now on the key replays it. */
    public void complete(String key, Acceptance acceptance) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(acceptance.userId(), key))
                .updateExpression("SET #state = :completed, symbol = :symbol, side = :side, quantity = :quantity,"
                        + " acceptedAt = :acceptedAt, validationPrice = :price")
                .conditionExpression("#order = :order")
                .expressionAttributeNames(Map.of("#state", STATE, "#order", ORDER_ID))
                .expressionAttributeValues(Map.of(
                        ":completed", AttributeValue.fromS(COMPLETED),
                        ":symbol", AttributeValue.fromS(acceptance.symbol()),
                        ":side", AttributeValue.fromS(acceptance.side().name()),
                        ":quantity", number(acceptance.quantity()),
                        ":acceptedAt", AttributeValue.fromS(Timestamps.format(acceptance.acceptedAt())),
                        ":price",
                                AttributeValue.fromN(
                                        acceptance.validationPrice().toPlainString()),
                        ":order", AttributeValue.fromS(acceptance.orderId()))));
    }

    /** Forgets a claim whose request was refused before anything was published: a retry is judged afresh. */
    public void release(String userId, String key, String orderId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .conditionExpression("#state = :inProgress AND #order = :order")
                    .expressionAttributeNames(Map.of("#state", STATE, "#order", ORDER_ID))
                    .expressionAttributeValues(Map.of(
                            ":inProgress",
                            AttributeValue.fromS(IN_PROGRESS),
                            ":order",
                            AttributeValue.fromS(orderId))));
        } catch (ConditionalCheckFailedException alreadyChanged) {
            // Completed or taken over meanwhile: nothing of ours to forget.
        }
    }

    /**
     * Ends the lease at once but keeps the order id: the order may or may not have reached Kafka, so a retry
     * must publish the same order id again rather than a new order.
     */
    public void abandon(String userId, String key, String orderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .updateExpression("SET #lease = :zero")
                    .conditionExpression("#state = :inProgress AND #order = :order")
                    .expressionAttributeNames(Map.of("#state", STATE, "#order", ORDER_ID, "#lease", LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(
                            ":zero", number(0),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":order", AttributeValue.fromS(orderId))));
        } catch (ConditionalCheckFailedException alreadyChanged) {
            // Someone else owns it now.
        }
    }

    private Claim existing(String userId, String key, String fingerprint) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(userId, key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new Claim.InProgress(); // released between our write and read: the caller retries
        }
        if (!fingerprint.equals(item.get(FINGERPRINT).s())) {
            return new Claim.Mismatch();
        }
        if (COMPLETED.equals(item.get(STATE).s())) {
            return new Claim.Completed(new Acceptance(
                    item.get(ORDER_ID).s(),
                    userId,
                    item.get("symbol").s(),
                    Side.valueOf(item.get("side").s()),
                    Long.parseLong(item.get("quantity").n()),
                    Timestamps.parse(item.get("acceptedAt").s()),
                    new BigDecimal(item.get("validationPrice").n())));
        }
        return new Claim.InProgress();
    }

    private static Map<String, AttributeValue> key(String userId, String key) {
        // userId is restricted to [A-Za-z0-9._@-] and the key to [A-Za-z0-9_-]: '#' cannot occur in either.
        return Map.of(KEY, AttributeValue.fromS(userId + "#" + key));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
