package com.mocktrading.consistency;

import com.mocktrading.core.order.OrderItems;
import com.mocktrading.core.portfolio.FundingLedger;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Full, strongly consistent scans of the DynamoDB tables the check and the recovery tools read; orders and portfolios
 * in parallel segments, each handed to the caller as it arrives (from several threads at once).
 */
public final class DynamoDbScans {

    private static final int SEGMENTS = 4;

    private final DynamoDbClient dynamo;

    public DynamoDbScans(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Each user's total funding. */
    public Map<String, BigDecimal> funding(String table) {
        Map<String, BigDecimal> totals = new HashMap<>();
        forEachFunding(table, (user, amount) -> totals.merge(user, amount, BigDecimal::add));
        return totals;
    }

    /** Every funding entry, one at a time. */
    public void forEachFunding(String table, BiConsumer<String, BigDecimal> entry) {
        new FundingLedger(dynamo, table).forEachEntry(entry);
    }

    public List<Portfolio> portfolios(String table) {
        List<Portfolio> portfolios = Collections.synchronizedList(new ArrayList<>());
        forEachPortfolio(table, portfolios::add);
        return new ArrayList<>(portfolios);
    }

    public void forEachPortfolio(String table, Consumer<Portfolio> portfolio) {
        scan(table, item -> portfolio.accept(PortfolioItems.fromItem(item)));
    }

    public List<OrderRecord> orders(String table) {
        List<OrderRecord> orders = Collections.synchronizedList(new ArrayList<>());
        forEachOrder(table, orders::add);
        return new ArrayList<>(orders);
    }

    public void forEachOrder(String table, Consumer<OrderRecord> order) {
        scan(table, item -> order.accept(OrderItems.fromItem(item)));
    }

    /** A parallel scan: each segment in a thread of its own, every item handed over as its page arrives. */
    private void scan(String table, Consumer<Map<String, AttributeValue>> item) {
        ExecutorService segments = Executors.newFixedThreadPool(SEGMENTS);
        try {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < SEGMENTS; segment++) {
                ScanRequest request = ScanRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .segment(segment)
                        .totalSegments(SEGMENTS)
                        .build();
                scans.add(segments.submit(
                        () -> dynamo.scanPaginator(request).items().forEach(item)));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning " + table, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("the scan of " + table + " failed", e.getCause());
        } finally {
            segments.shutdownNow();
        }
    }
}
