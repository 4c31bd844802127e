package com.mocktrading.core.execution;

import com.mocktrading.core.order.OrderItems;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.execution.ExecutionOutcome;
import com.mocktrading.domain.execution.ExecutionRecords;
import com.mocktrading.domain.execution.PositionChange;
import com.mocktrading.domain.execution.TradeMath;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Records an order's outcome in one DynamoDB transaction: for an execution, the portfolio change (cash,
 * shares, cost basis, realized P&amp;L, version) together with the order's move to EXECUTED; for a failure,
 * the order's move to its FAILED status. The order record's condition (absent, or still ACCEPTED) is what
 * makes execution at-most-once: a replay finds the order decided and gets the stored outcome back instead.
 * The portfolio is written optimistically against the version read, guarded by the no-negative conditions.
 */
public final class ExecutionStore implements ExecutionRecords {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String portfolios;
    private final OrderStore orderStore;
    private final String orders;

    public ExecutionStore(DynamoDbClient dynamo, String portfolios, String orders) {
        this.dynamo = dynamo;
        this.portfolios = portfolios;
        this.orders = orders;
        this.orderStore = new OrderStore(dynamo, orders);
    }

    /** Records the execution: the portfolio's change and the order's move to EXECUTED, in one transaction. */
    @Override
    public ExecutionOutcome recordExecution(
            TradeOrderPayload order, BigDecimal price, Instant at, Portfolio read, PositionChange change) {
        return commit(
                order,
                List.of(portfolioUpdate(read, change, at), orderUpdate(order, OrderStatus.EXECUTED, price, at, null)),
                TradeExecutedPayload.executed(order, Money.price(price), at));
    }

    /** Records the order's failure with {@code status}; the portfolio stays as it is. */
    @Override
    public ExecutionOutcome recordFailure(TradeOrderPayload order, ExecutionStatus status, Instant at, String reason) {
        return commit(
                order,
                List.of(orderUpdate(order, OrderStatus.of(status), null, at, reason)),
                TradeExecutedPayload.failed(order, status, at, reason));
    }

    /**
     * @param outcome what this transaction records, as the event states it; equal to what a replay reads back
     *     from the stored record (prices at 4 decimals, timestamps in milliseconds), so no read is needed here
     */
    private ExecutionOutcome commit(
            TradeOrderPayload order, List<TransactWriteItem> items, TradeExecutedPayload outcome) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return new ExecutionOutcome.Applied(outcome);
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (CONDITION_FAILED.equals(reasons.get(items.size() - 1).code())) {
                return new ExecutionOutcome.AlreadyDecided(stored(order.orderId()));
            }
            if (items.size() == 2 && CONDITION_FAILED.equals(reasons.get(0).code())) {
                return new ExecutionOutcome.PortfolioMoved();
            }
            throw cancelled; // a conflict with a concurrent transaction: transient, the caller retries
        }
    }

    private OrderRecord stored(String orderId) {
        return orderStore.find(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId + " vanished"));
    }

    private TransactWriteItem portfolioUpdate(Portfolio read, PositionChange change, Instant at) {
        String symbol = change.symbol();
        Portfolio after = TradeMath.apply(read, change, at);
        long quantity = after.quantityOf(symbol);
        Map<String, String> names = new HashMap<>(Map.of(
                "#cash",
                PortfolioItems.CASH_BALANCE,
                "#holdings",
                PortfolioItems.HOLDINGS,
                "#basis",
                PortfolioItems.COST_BASIS,
                "#pnl",
                PortfolioItems.REALIZED_PNL,
                "#version",
                PortfolioItems.VERSION,
                "#updated",
                PortfolioItems.LAST_UPDATED,
                "#symbol",
                symbol));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":cash", number(after.cashBalance()),
                ":pnl", number(after.realizedPnl()),
                ":version", AttributeValue.fromN(Long.toString(read.version())),
                ":next", AttributeValue.fromN(Long.toString(read.version() + 1)),
                ":updated", AttributeValue.fromS(Timestamps.format(at))));
        String position;
        if (quantity == 0) {
            position = " REMOVE #holdings.#symbol, #basis.#symbol"; // a closed position leaves no zero entry
        } else {
            values.put(":quantity", AttributeValue.fromN(Long.toString(quantity)));
            values.put(":basis", number(after.costBasisOf(symbol)));
            position = ", #holdings.#symbol = :quantity, #basis.#symbol = :basis";
        }
        String guard;
        if (change.quantityDelta() > 0) {
            values.put(":cost", number(change.cashDelta().negate()));
            guard = " AND #cash >= :cost";
        } else {
            values.put(":sold", AttributeValue.fromN(Long.toString(-change.quantityDelta())));
            guard = " AND #holdings.#symbol >= :sold";
        }
        String update = "SET #cash = :cash, #pnl = :pnl, #version = :next, #updated = :updated" + position;
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(portfolios)
                        .key(Map.of(PortfolioItems.USER_ID, AttributeValue.fromS(read.userId())))
                        .updateExpression(update)
                        .conditionExpression("#version = :version" + guard)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private TransactWriteItem orderUpdate(
            TradeOrderPayload order, OrderStatus status, BigDecimal price, Instant at, String reason) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#id",
                OrderItems.ORDER_ID,
                "#status",
                OrderItems.STATUS,
                "#user",
                OrderItems.USER_ID,
                "#symbol",
                OrderItems.SYMBOL,
                "#side",
                OrderItems.SIDE,
                "#quantity",
                OrderItems.QUANTITY,
                "#accepted",
                OrderItems.ACCEPTED_AT,
                "#executed",
                OrderItems.EXECUTED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", AttributeValue.fromS(status.name()),
                ":user", AttributeValue.fromS(order.userId()),
                ":symbol", AttributeValue.fromS(order.symbol()),
                ":side", AttributeValue.fromS(order.side().name()),
                ":quantity", AttributeValue.fromN(Long.toString(order.quantity())),
                ":ordered", AttributeValue.fromS(Timestamps.format(order.orderTimestamp())),
                ":at", AttributeValue.fromS(Timestamps.format(at))));
        StringBuilder update = new StringBuilder("SET #status = :status, #user = :user, #symbol = :symbol,"
                + " #side = :side, #quantity = :quantity, #accepted = if_not_exists(#accepted, :ordered),"
                + " #executed = :at");
        if (price != null) {
            names.put("#price", OrderItems.EXECUTION_PRICE);
            values.put(":price", number(price));
            update.append(", #price = :price");
        }
        if (reason != null) {
            names.put("#reason", OrderItems.FAILURE_REASON);
            values.put(":reason", AttributeValue.fromS(reason));
            update.append(", #reason = :reason");
        }
        Update.Builder builder = Update.builder()
                .tableName(orders)
                .key(Map.of(OrderItems.ORDER_ID, AttributeValue.fromS(order.orderId())))
                .updateExpression(update.toString());
        // At most once: the order is decided only if it is not yet (absent, or still ACCEPTED).
        values.put(":acceptedStatus", AttributeValue.fromS(OrderStatus.ACCEPTED.name()));
        builder.conditionExpression("attribute_not_exists(#id) OR #status = :acceptedStatus");
        return TransactWriteItem.builder()
                .update(builder.expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
