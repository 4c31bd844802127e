package com.mocktrading.core.portfolio;

import static com.mocktrading.core.dynamodb.Attributes.decimal;
import static com.mocktrading.core.dynamodb.Attributes.instant;
import static com.mocktrading.core.dynamodb.Attributes.number;
import static com.mocktrading.core.dynamodb.Attributes.string;

import com.mocktrading.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The {@code Funding} table: every amount of cash put into a portfolio from outside, one item per entry (the
 * opening balance is the entry {@code opening}). An entry is written in the same transaction as the balance it
 * changes, so a portfolio's cash is exactly its funding plus its executed trades, whoever created it and with
 * whatever starting cash.
 */
public final class FundingLedger {

    public static final String USER_ID = "userId";
    public static final String ENTRY_ID = "entryId";
    public static final String AMOUNT = "amount";
    public static final String AT = "at";
    public static final String OPENING = "opening";

    private final DynamoDbClient dynamo;
    private final String table;

    public FundingLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The entry of a portfolio's opening balance, to be written with the portfolio; never twice. */
    TransactWriteItem opening(String userId, BigDecimal amount, Instant at) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Map.of(
                                USER_ID, string(userId),
                                ENTRY_ID, string(OPENING),
                                AMOUNT, number(Money.cash(amount)),
                                AT, instant(at)))
                        .conditionExpression("attribute_not_exists(#user)")
                        .expressionAttributeNames(Map.of("#user", USER_ID))
                        .build())
                .build();
    }

    /** One user's entries, entry id to amount, strongly consistent. */
    public Map<String, BigDecimal> entriesOf(String userId) {
        Map<String, BigDecimal> entries = new TreeMap<>();
        dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("#user = :user")
                        .expressionAttributeNames(Map.of("#user", USER_ID))
                        .expressionAttributeValues(Map.of(":user", string(userId)))
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> entries.put(string(item, ENTRY_ID), Money.cash(decimal(item, AMOUNT))));
        return entries;
    }

    /** Every entry, strongly consistent, in pages: user id and amount. */
    public void forEachEntry(BiConsumer<String, BigDecimal> entry) {
        dynamo.scanPaginator(ScanRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> entry.accept(string(item, USER_ID), Money.cash(decimal(item, AMOUNT))));
    }
}
