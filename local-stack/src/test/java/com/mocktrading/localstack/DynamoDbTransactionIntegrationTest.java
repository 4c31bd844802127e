package com.mocktrading.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class DynamoDbTransactionIntegrationTest {

    private final DynamoDbClient dynamo = SharedServers.dynamoDb().client();
    private final String table = "accounts-" + System.nanoTime();

    @Test
    void cancelsTheWholeTransactionWhenOneConditionFails() {
        // Given two accounts, one of them with too little cash
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType(KeyType.HASH)
                        .build()));
        put("rich", "1000.00");
        put("poor", "5.00");

        // When one transaction debits 10.00 from both under a no-overdraft condition
        TransactionCanceledException cancelled = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(b -> b.transactItems(debit("rich", "10.00"), debit("poor", "10.00"))));

        // Then it is cancelled because of the poor account, and neither balance moved
        assertThat(cancelled.cancellationReasons())
                .extracting(reason -> reason.code())
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(cash("rich")).isEqualByComparingTo("1000.00");
        assertThat(cash("poor")).isEqualByComparingTo("5.00");

        // And a transaction whose conditions hold applies both updates exactly
        dynamo.transactWriteItems(b -> b.transactItems(debit("rich", "10.01"), debit("poor", "4.99")));
        assertThat(cash("rich")).isEqualByComparingTo("989.99");
        assertThat(cash("poor")).isEqualByComparingTo("0.01");
    }

    private void put(String id, String cash) {
        dynamo.putItem(b ->
                b.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "cash", AttributeValue.fromN(cash))));
    }

    private TransactWriteItem debit(String id, String amount) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .updateExpression("SET cash = cash - :amount")
                        .conditionExpression("cash >= :amount")
                        .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(amount)))
                        .build())
                .build();
    }

    /** DynamoDB normalises numbers ("1000.00" comes back as "1000"): compare by value, exactly. */
    private BigDecimal cash(String id) {
        return new BigDecimal(dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item()
                .get("cash")
                .n());
    }
}
