package com.mocktrading.consistency;

import com.mocktrading.core.order.OrderItems;
import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.portfolio.FundingLedger;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.portfolio.PortfolioItems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Full, strongly consistent scans of the DynamoDB tables the check and the recovery tools read. */
public final class DynamoDbScans {

    private final DynamoDbClient dynamo;

    public DynamoDbScans(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Each user's total funding. */
    public Map<String, BigDecimal> funding(String table) {
        Map<String, BigDecimal> totals = new HashMap<>();
        new FundingLedger(dynamo, table).forEachEntry((user, amount) -> totals.merge(user, amount, BigDecimal::add));
        return totals;
    }

    public List<Portfolio> portfolios(String table) {
        List<Portfolio> portfolios = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> portfolios.add(PortfolioItems.fromItem(item)));
        return portfolios;
    }

    public List<OrderRecord> orders(String table) {
        List<OrderRecord> orders = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(item -> orders.add(OrderItems.fromItem(item)));
        return orders;
    }
}
