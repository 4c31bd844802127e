package com.mocktrading.order.placement.idempotency;

import static com.mocktrading.core.dynamodb.Attributes.decimal;
import static com.mocktrading.core.dynamodb.Attributes.instant;
import static com.mocktrading.core.dynamodb.Attributes.integer;
import static com.mocktrading.core.dynamodb.Attributes.number;
import static com.mocktrading.core.dynamodb.Attributes.string;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.events.Side;
import com.mocktrading.order.placement.Acceptance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Idempotency-Key records in DynamoDB, so they survive restarts and are shared by every replica. A key is written
 * once its order is validated, with the acceptance and a lease, by a conditional write (one winner among
 * concurrent requests); the lease holder publishes and completes it. If the holder dies, a retry takes the lease
 * over after it ends and finishes the same order (same order id), so a key never yields two orders. A key past its
 * retention is a new key. Every write is conditioned on the caller's attempt token, and a failed condition is
 * checked against that token: a write the SDK retried after it had succeeded is recognised as the caller's own.
 */
public final class IdempotencyStore {

    private static final String KEY = "idempotencyKey";
    private static final String FINGERPRINT = "fingerprint";
    private static final String ORDER_ID = "orderId";
    private static final String STATE = "state";
    private static final String ATTEMPT = "attempt";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String EXPIRES_AT = TableDefinitions.IDEMPOTENCY_TTL_ATTRIBUTE;
    private static final String QUEUING = "QUEUING";
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

    public Optional<KeyRecord> find(String userId, String key) {
        GetItemResponse response =
                dynamo.getItem(b -> b.tableName(table).key(key(userId, key)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new KeyRecord(
                string(item, FINGERPRINT),
                COMPLETED.equals(string(item, STATE)),
                string(item, ATTEMPT),
                Instant.ofEpochMilli(integer(item, LEASE_UNTIL)),
                Instant.ofEpochSecond(integer(item, EXPIRES_AT)),
                new Acceptance(
                        string(item, ORDER_ID),
                        userId,
                        string(item, "symbol"),
                        Side.valueOf(string(item, "side")),
                        integer(item, "quantity"),
                        instant(item, "acceptedAt"),
                        decimal(item, "validationPrice"))));
    }

    /**
     * Writes a new key (absent, or past its retention: then it is replaced whole, new order id included) holding
     * the lease for {@code attempt}.
     *
     * @return false when another request holds the key
     */
    public boolean claim(String key, String fingerprint, String attempt, Acceptance acceptance, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(acceptance.userId(), key));
        item.put(FINGERPRINT, string(fingerprint));
        item.put(STATE, string(QUEUING));
        item.put(ATTEMPT, string(attempt));
        item.put(LEASE_UNTIL, number(now.plus(lease).toEpochMilli()));
        item.put(EXPIRES_AT, number(now.plus(retention).getEpochSecond()));
        item.put(ORDER_ID, string(acceptance.orderId()));
        item.put("symbol", string(acceptance.symbol()));
        item.put("side", string(acceptance.side().name()));
        item.put("quantity", number(acceptance.quantity()));
        item.put("acceptedAt", instant(acceptance.acceptedAt()));
        item.put("validationPrice", number(acceptance.validationPrice()));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#key) OR #exp <= :nowSeconds")
                    .expressionAttributeNames(Map.of("#key", KEY, "#exp", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":nowSeconds", number(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return holds(acceptance.userId(), key, attempt);
        }
    }

    /**
     * Takes over the lease of a key whose holder gave up or died before completing it; the order stays the same.
     *
     * @return false when someone else took it or it changed meanwhile
     */
    public boolean takeOver(String userId, String key, String fingerprint, String attempt, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .updateExpression("SET #attempt = :attempt, #lease = :lease")
                    .conditionExpression("#state = :queuing AND #lease <= :now AND #fp = :fp AND #exp > :nowSeconds")
                    .expressionAttributeNames(Map.of(
                            "#attempt", ATTEMPT,
                            "#lease", LEASE_UNTIL,
                            "#state", STATE,
                            "#fp", FINGERPRINT,
                            "#exp", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":attempt", string(attempt),
                            ":lease", number(now.plus(lease).toEpochMilli()),
                            ":queuing", string(QUEUING),
                            ":now", number(now.toEpochMilli()),
                            ":fp", string(fingerprint),
                            ":nowSeconds", number(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return holds(userId, key, attempt);
        }
    }

    /** The order is in trade_orders: from now on the key answers its acceptance. Idempotent. */
    public void complete(String userId, String key, String orderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .updateExpression("SET #state = :completed")
                    .conditionExpression("#order = :order")
                    .expressionAttributeNames(Map.of("#state", STATE, "#order", ORDER_ID))
                    .expressionAttributeValues(Map.of(":completed", string(COMPLETED), ":order", string(orderId))));
        } catch (ConditionalCheckFailedException replaced) {
            // Past its retention and reused meanwhile: the new order owns the key now.
        }
    }

    /** Ends the lease at once, keeping the order: a retry takes over without waiting. */
    public void endLease(String userId, String key, String attempt) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .updateExpression("SET #lease = :zero")
                    .conditionExpression("#attempt = :attempt AND #state = :queuing")
                    .expressionAttributeNames(Map.of("#lease", LEASE_UNTIL, "#attempt", ATTEMPT, "#state", STATE))
                    .expressionAttributeValues(
                            Map.of(":zero", number(0), ":attempt", string(attempt), ":queuing", string(QUEUING))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Taken over or completed meanwhile.
        }
    }

    /** Forgets a key whose order was withdrawn (it will never execute): a retry places a new order. */
    public void forget(String userId, String key, String attempt) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(key(userId, key))
                    .conditionExpression("#attempt = :attempt AND #state = :queuing")
                    .expressionAttributeNames(Map.of("#attempt", ATTEMPT, "#state", STATE))
                    .expressionAttributeValues(Map.of(":attempt", string(attempt), ":queuing", string(QUEUING))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Taken over meanwhile: the new holder decides.
        }
    }

    private boolean holds(String userId, String key, String attempt) {
        return find(userId, key)
                .map(record -> !record.completed() && attempt.equals(record.attempt()))
                .orElse(false);
    }

    private static Map<String, AttributeValue> key(String userId, String key) {
        // userId is restricted to [A-Za-z0-9._@-] and the key to [A-Za-z0-9_-]: '#' cannot occur in either.
        return Map.of(KEY, AttributeValue.fromS(userId + "#" + key));
    }
}
