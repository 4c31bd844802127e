package com.mocktrading.core.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB tables. All are partitioned by a key that spreads load (user or order id) and billed on demand.
 *
 * <ul>
 *   <li>{@code Portfolios}: one item per user (spec 5.4): cash, holdings, cost basis, realized P&amp;L, version.
 *   <li>{@code Orders}: one item per order, its status moved by the execution job in the same transaction as
 *       the portfolio; the {@code userId-acceptedAt} index serves "my recent orders".
 *   <li>{@code Funding}: one item per (user, entry): the cash put into a portfolio from outside, its opening
 *       balance first, each written in the same transaction as the balance.
 *   <li>{@code IdempotencyKeys}: one item per (user, Idempotency-Key), expiring through TTL on
 *       {@code expiresAt} (epoch seconds).
 * </ul>
 */
public final class TableDefinitions {

    public static final String PORTFOLIOS = "Portfolios";
    public static final String ORDERS = "Orders";
    public static final String FUNDING = "Funding";
    public static final String ORDERS_BY_USER_INDEX = "userId-acceptedAt-index";
    public static final String IDEMPOTENCY_KEYS = "IdempotencyKeys";
    public static final String IDEMPOTENCY_TTL_ATTRIBUTE = "expiresAt";

    private TableDefinitions() {}

    public static List<CreateTableRequest> all() {
        return List.of(portfolios(), funding(), orders(), idempotencyKeys());
    }

    /**
     * The same tables named {@code <name><suffix>}: scratch copies for a benchmark baseline, which must not leave
     * rows in the system's own tables.
     */
    public static List<CreateTableRequest> all(String suffix) {
        return all().stream()
                .map(table ->
                        table.toBuilder().tableName(table.tableName() + suffix).build())
                .toList();
    }

    static CreateTableRequest portfolios() {
        return CreateTableRequest.builder()
                .tableName(PORTFOLIOS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("userId"))
                .keySchema(hashKey("userId"))
                .build();
    }

    static CreateTableRequest funding() {
        return CreateTableRequest.builder()
                .tableName(FUNDING)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("userId"), stringAttribute("entryId"))
                .keySchema(hashKey("userId"), rangeKey("entryId"))
                .build();
    }

    static CreateTableRequest orders() {
        return CreateTableRequest.builder()
                .tableName(ORDERS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute("orderId"), stringAttribute("userId"), stringAttribute("acceptedAt"))
                .keySchema(hashKey("orderId"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(ORDERS_BY_USER_INDEX)
                        .keySchema(hashKey("userId"), rangeKey("acceptedAt"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build())
                .build();
    }

    static CreateTableRequest idempotencyKeys() {
        return CreateTableRequest.builder()
                .tableName(IDEMPOTENCY_KEYS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("idempotencyKey"))
                .keySchema(hashKey("idempotencyKey"))
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement hashKey(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    private static KeySchemaElement rangeKey(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }
}
