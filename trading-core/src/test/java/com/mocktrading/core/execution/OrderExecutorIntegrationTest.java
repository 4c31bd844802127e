package com.mocktrading.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.StoreTables;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.domain.execution.Decision;
import com.mocktrading.domain.execution.OrderExecutor;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.localstack.SharedServers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class OrderExecutorIntegrationTest {

    private static DynamoDbClient dynamo;
    private static PortfolioStore portfolios;
    private static OrderStore orders;
    private final Map<String, LatestPrice> prices = new ConcurrentHashMap<>();

    @BeforeAll
    static void createTables() {
        dynamo = SharedServers.dynamoDb().client();
        StoreTables.create(dynamo);
        portfolios = new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING);
        orders = new OrderStore(dynamo, TableDefinitions.ORDERS);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void aBuyAndASellChangeCashHoldingsCostBasisAndPnlInOneTransactionWithTheOrder() {
        String user = user("1000.00");
        price("ACME", "33.3350");

        TradeExecutedPayload bought = executor()
                .execute(accepted(order(user, Side.BUY, 3)))
                .orElseThrow()
                .outcome();
        price("ACME", "40.0000");
        TradeExecutedPayload sold = executor()
                .execute(accepted(order(user, Side.SELL, 1)))
                .orElseThrow()
                .outcome();

        assertThat(bought.status()).isEqualTo(ExecutionStatus.EXECUTED);
        assertThat(bought.executionPrice()).isEqualByComparingTo("33.3350");
        assertThat(sold.status()).isEqualTo(ExecutionStatus.EXECUTED);
        Portfolio after = portfolio(user);
        assertThat(after.cashBalance()).isEqualByComparingTo("940.00"); // 1000 - 100.00 + 40.00
        assertThat(after.quantityOf("ACME")).isEqualTo(2);
        assertThat(after.costBasisOf("ACME")).isEqualByComparingTo("66.67");
        assertThat(after.realizedPnl()).isEqualByComparingTo("6.67");
        assertThat(after.version()).isEqualTo(2);
        assertThat(orders.find(bought.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXECUTED);
    }

    @Test
    void failsABuyTheCashNoLongerCoversAtTheExecutionPriceAndChangesNothingElse() {
        String user = user("100.00");
        price("ACME", "10.0010"); // moved up after acceptance at 10.00: 10 shares now cost 100.01

        TradeExecutedPayload outcome = executor()
                .execute(accepted(order(user, Side.BUY, 10)))
                .orElseThrow()
                .outcome();

        assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
        assertThat(outcome.executionPrice()).isNull();
        assertThat(outcome.failureReason()).isEqualTo("cash 100.00 < 100.01 at 10.001");
        assertThat(portfolio(user).cashBalance()).isEqualByComparingTo("100.00");
        assertThat(portfolio(user).version()).isZero();
        assertThat(orders.find(outcome.orderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.FAILED_INSUFFICIENT_FUNDS);
    }

    @Test
    void failsASellOfMoreThanHeldAtExecutionTimeAndAnOrderWithoutPrice() {
        String user = user("100.00");
        price("ACME", "1.00");

        TradeExecutedPayload sell = executor()
                .execute(accepted(order(user, Side.SELL, 1)))
                .orElseThrow()
                .outcome();
        TradeExecutedPayload unpriced = executor()
                .execute(accepted(new TradeOrderPayload(
                        UUID.randomUUID().toString(), user, "NOPRICE", 1, Side.BUY, Instant.now())))
                .orElseThrow()
                .outcome();

        assertThat(sell.status()).isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS);
        assertThat(unpriced.status()).isEqualTo(ExecutionStatus.FAILED_PRICE_UNAVAILABLE);
        assertThat(portfolio(user).version()).isZero();
    }

    @Test
    void aReplayedOrderIsNotAppliedAgainAndYieldsTheIdenticalOutcomeMarkedAsAReplay() {
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = accepted(order(user, Side.BUY, 5));

        Decision first = executor().execute(order).orElseThrow();
        price("ACME", "12.00"); // a replay later must not re-price the trade either
        Decision replay = executor().execute(order).orElseThrow();

        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.outcome()).isEqualTo(first.outcome());
        assertThat(portfolio(user).cashBalance()).isEqualByComparingTo("950.00");
        assertThat(portfolio(user).version()).isEqualTo(1);
    }

    @Test
    void createsTheOrderRecordWhenOrderServiceCouldNotWriteIt() {
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = order(user, Side.BUY, 1); // never recorded as ACCEPTED

        TradeExecutedPayload outcome = executor().execute(order).orElseThrow().outcome();

        OrderRecord stored = orders.find(order.orderId()).orElseThrow();
        assertThat(outcome.status()).isEqualTo(ExecutionStatus.EXECUTED);
        assertThat(stored.status()).isEqualTo(OrderStatus.EXECUTED);
        assertThat(stored.validationPrice()).isNull();
        assertThat(stored.acceptedAt()).isEqualTo(order.orderTimestamp());
    }

    @Test
    void concurrentExecutionsOfOneOrderApplyItOnce() throws Exception {
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = accepted(order(user, Side.BUY, 7));

        List<TradeExecutedPayload> outcomes =
                concurrently(8, () -> executor().execute(order).orElseThrow().outcome());

        assertThat(outcomes).containsOnly(outcomes.get(0));
        assertThat(portfolio(user).cashBalance()).isEqualByComparingTo("930.00");
        assertThat(portfolio(user).version()).isEqualTo(1);
    }

    @Test
    void concurrentOrdersOfOneUserNeverOverdrawAndTheCashIsTheSumOfTheExecutedTrades() throws Exception {
        String user = user("1000.00");
        price("ACME", "100.00");

        List<TradeExecutedPayload> outcomes = concurrently(16, () -> executor()
                .execute(accepted(order(user, Side.BUY, 1)))
                .orElseThrow()
                .outcome());

        long executed = outcomes.stream()
                .filter(o -> o.status() == ExecutionStatus.EXECUTED)
                .count();
        assertThat(executed).isEqualTo(10);
        assertThat(outcomes)
                .filteredOn(o -> o.status() != ExecutionStatus.EXECUTED)
                .allMatch(o -> o.status() == ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
        Portfolio after = portfolio(user);
        assertThat(after.cashBalance()).isEqualByComparingTo("0.00");
        assertThat(after.quantityOf("ACME")).isEqualTo(10);
        assertThat(after.version()).isEqualTo(10);
    }

    @Test
    void aPriceOlderThanTheAcceptanceBoundIsNoPriceAndTheOrderFails() {
        String user = user("1000.00");
        prices.put(
                "ACME",
                new LatestPrice("ACME", new BigDecimal("10.00"), Instant.now().minus(Duration.ofHours(2))));

        TradeExecutedPayload outcome = executor()
                .execute(accepted(order(user, Side.BUY, 1)))
                .orElseThrow()
                .outcome();

        assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED_PRICE_UNAVAILABLE);
        assertThat(outcome.failureReason()).contains("s old");
        assertThat(portfolio(user).version()).isZero();
    }

    @Test
    void aWithdrawnOrderIsNeverExecutedAndHasNoOutcome() {
        // order-service withdrew an order whose publication Kafka did not confirm; it reached trade_orders anyway.
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = order(user, Side.BUY, 5);
        assertThat(orders.withdraw(order.orderId(), user, "ACME", Side.BUY, 5, Instant.now()))
                .isTrue();

        Optional<Decision> outcome = executor().execute(order);

        assertThat(outcome).isEmpty();
        assertThat(portfolio(user).cashBalance()).isEqualByComparingTo("1000.00");
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.WITHDRAWN);
        assertThat(orders.recentOf(user, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void anOrderTheJobDecidedCannotBeWithdrawn() {
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = order(user, Side.BUY, 5);
        executor().execute(order).orElseThrow();

        boolean withdrawn = orders.withdraw(order.orderId(), user, "ACME", Side.BUY, 5, Instant.now());

        assertThat(withdrawn).isFalse();
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXECUTED);
    }

    @Test
    void aReplayIsAppliedOnceAndAnswersTheStoredOutcome() {
        String user = user("1000.00");
        price("ACME", "10.00");
        TradeOrderPayload order = accepted(order(user, Side.BUY, 5));

        Decision first = executor().execute(order).orElseThrow();
        price("ACME", "11.00");
        Decision replay = executor().execute(order).orElseThrow();

        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.outcome()).isEqualTo(first.outcome());
        assertThat(portfolio(user).cashBalance()).isEqualByComparingTo("950.00");
        assertThat(portfolio(user).version()).isEqualTo(1);
    }

    private OrderExecutor executor() {
        ExecutionStore store = new ExecutionStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.ORDERS);
        return new OrderExecutor(
                user -> portfolios.find(user, PortfolioStore.Consistency.STRONG),
                store,
                symbol -> Optional.ofNullable(prices.get(symbol)),
                Clock.systemUTC(),
                Duration.ofSeconds(60),
                50);
    }

    private void price(String symbol, String price) {
        prices.put(symbol, new LatestPrice(symbol, new BigDecimal(price), Instant.now()));
    }

    private static String user(String cash) {
        String user = "exec-" + UUID.randomUUID();
        portfolios.provision(user, new BigDecimal(cash));
        return user;
    }

    private static TradeOrderPayload order(String user, Side side, long quantity) {
        return new TradeOrderPayload(UUID.randomUUID().toString(), user, "ACME", quantity, side, Instant.now());
    }

    /** As order-service leaves it: recorded ACCEPTED once queued. */
    private static TradeOrderPayload accepted(TradeOrderPayload order) {
        orders.recordAccepted(OrderRecord.accepted(
                order.orderId(),
                order.userId(),
                order.symbol(),
                order.side(),
                order.quantity(),
                order.orderTimestamp(),
                BigDecimal.ONE));
        return order;
    }

    private static Portfolio portfolio(String user) {
        return portfolios.find(user, Consistency.STRONG).orElseThrow();
    }

    private static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }
}
