package com.mocktrading.core.portfolio;

import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads portfolios and provisions new ones in the {@code Portfolios} table, with their funding ledger entries. */
public final class PortfolioStore {

    /** Strong reads see every committed write (order validation); eventual ones are cheaper (views). */
    public enum Consistency {
        STRONG,
        EVENTUAL
    }

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;
    private final FundingLedger funding;

    public PortfolioStore(DynamoDbClient dynamo, String table, String fundingTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.funding = new FundingLedger(dynamo, fundingTable);
    }

    public Optional<Portfolio> find(String userId, Consistency consistency) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(PortfolioItems.USER_ID, AttributeValue.fromS(userId)))
                .consistentRead(consistency == Consistency.STRONG));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(PortfolioItems.fromItem(response.item()))
                : Optional.empty();
    }

    /**
     * Creates the user's portfolio with the starting cash unless it exists, and returns the stored one. One
     * transaction writes the portfolio and its opening funding entry, each under the condition that it is new:
     * of any number of concurrent first requests exactly one creates both.
     */
    public Portfolio provision(String userId, BigDecimal startingCash) {
        Portfolio opening = Portfolio.opening(userId, startingCash, Timestamps.nowMillis());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(table)
                                    .item(PortfolioItems.toItem(opening))
                                    .conditionExpression("attribute_not_exists(#user)")
                                    .expressionAttributeNames(Map.of("#user", PortfolioItems.USER_ID))
                                    .build())
                            .build(),
                    funding.opening(userId, opening.cashBalance(), opening.lastUpdatedTimestamp())));
            return opening;
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.cancellationReasons().stream().noneMatch(r -> CONDITION_FAILED.equals(r.code()))) {
                throw cancelled;
            }
            return find(userId, Consistency.STRONG)
                    .orElseThrow(() -> new IllegalStateException("portfolio of " + userId + " vanished"));
        }
    }

    /** The stored portfolio, provisioned first if this is the user's first request. */
    public Portfolio findOrProvision(String userId, BigDecimal startingCash, Consistency consistency) {
        return find(userId, consistency).orElseGet(() -> provision(userId, startingCash));
    }
}
