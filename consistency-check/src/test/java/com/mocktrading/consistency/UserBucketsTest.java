package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check a bucket of users at a time, from the spill files, says what the check of everything at once says:
 * the same counts and the same violations, planted ones included, whatever the number of buckets.
 */
class UserBucketsTest {

    private static final Instant T = Instant.parse("2026-11-24T03:00:00Z");
    private static final int USERS = 40;

    private final Reconciliation reconciliation = new Reconciliation(T.plusSeconds(60));

    @Test
    void checkingInBucketsFindsExactlyWhatCheckingEverythingAtOnceFinds() {
        Reconciliation.Stores all = stores();

        Reconciliation.Report whole = reconciliation.check(all);
        Reconciliation.Report inBuckets;
        try (UserBuckets buckets = new UserBuckets(7)) {
            all.orders().forEach(buckets::order);
            all.funding().forEach(buckets::funding);
            all.portfolios().forEach(buckets::portfolio);
            all.outcomes().forEach(buckets::outcome);
            all.history().forEach(buckets::historyTrade);
            all.analytics().forEach(buckets::analyticsRow);
            inBuckets = buckets.check(reconciliation);
        }

        assertThat(whole.violations()).hasSize(5); // u17: its negative cash, and the mismatch it is
        assertThat(inBuckets.violations()).containsExactlyInAnyOrderElementsOf(whole.violations());
        assertThat(inBuckets.orders()).isEqualTo(whole.orders()).isEqualTo(USERS * 2 + 1);
        assertThat(inBuckets.portfolios()).isEqualTo(whole.portfolios());
        assertThat(inBuckets.portfoliosJudged()).isEqualTo(whole.portfoliosJudged());
        assertThat(inBuckets.ordersWithOutcome()).isEqualTo(whole.ordersWithOutcome());
    }

    @Test
    void spillsEveryFieldExactly() {
        OrderRecord order = executed("u1", "o1", Side.BUY, 3, "149.8750", 1);
        Portfolio portfolio = new Portfolio(
                "u1",
                new BigDecimal("550.38"),
                Map.of("ACME", 3L),
                Map.of("ACME", new BigDecimal("449.62")),
                new BigDecimal("-0.01"),
                T,
                4);
        TradeExecutedPayload failed = new TradeExecutedPayload(
                "o2",
                "u1",
                "ACME",
                2,
                Side.SELL,
                com.mocktrading.events.ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
                null,
                T,
                "INSUFFICIENT_HOLDINGS");
        HistoryTrade trade = new HistoryTrade(
                "e1",
                "o1",
                "u1",
                "ACME",
                Side.BUY,
                3,
                com.mocktrading.events.ExecutionStatus.EXECUTED,
                new BigDecimal("149.8750"));

        assertThat(SpillCodec.order(SpillCodec.order(order))).isEqualTo(order);
        assertThat(SpillCodec.portfolio(SpillCodec.portfolio(portfolio))).isEqualTo(portfolio);
        assertThat(SpillCodec.outcome(SpillCodec.outcome(failed))).isEqualTo(failed);
        assertThat(SpillCodec.outcome(SpillCodec.outcome(order.outcome()))).isEqualTo(order.outcome());
        assertThat(SpillCodec.trade(SpillCodec.trade(trade))).isEqualTo(trade);
    }

    /**
     * Forty users funded with 1000.00, each buying 2 ACME at 10 and selling 1 at 12, every store consistent; then a
     * double execution (u3), a lost outcome (u11), a negative balance (u17) and a trade missing from ClickHouse
     * (u29), each in whatever bucket its user falls.
     */
    private static Reconciliation.Stores stores() {
        Map<String, BigDecimal> funding = new HashMap<>();
        List<Portfolio> portfolios = new ArrayList<>();
        List<OrderRecord> orders = new ArrayList<>();
        List<TradeExecutedPayload> outcomes = new ArrayList<>();
        List<HistoryTrade> history = new ArrayList<>();
        List<HistoryTrade> analytics = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "u" + u;
            funding.put(user, new BigDecimal("1000.00"));
            portfolios.add(new Portfolio(
                    user,
                    new BigDecimal(u == 17 ? "-1.00" : "992.00"),
                    Map.of("ACME", 1L),
                    Map.of("ACME", new BigDecimal("10.00")),
                    new BigDecimal("2.00"),
                    T.plusSeconds(2),
                    2));
            for (OrderRecord order : List.of(
                    executed(user, user + "-buy", Side.BUY, 2, "10.0000", 1),
                    executed(user, user + "-sell", Side.SELL, 1, "12.0000", 2))) {
                orders.add(order);
                if (!(u == 11 && order.side() == Side.SELL)) {
                    outcomes.add(order.outcome());
                }
                if (u == 3 && order.side() == Side.BUY) {
                    outcomes.add(order.outcome());
                }
                HistoryTrade trade = new HistoryTrade(
                        "event-" + order.orderId(),
                        order.orderId(),
                        user,
                        "ACME",
                        order.side(),
                        order.quantity(),
                        order.outcome().status(),
                        order.executionPrice());
                history.add(trade);
                if (!(u == 29 && order.side() == Side.BUY)) {
                    analytics.add(trade);
                }
            }
        }
        // An order still on its way: counted, not judged.
        orders.add(OrderRecord.accepted("u5-new", "u5", "ACME", Side.BUY, 1, T.plusSeconds(120), new BigDecimal("10")));
        return new Reconciliation.Stores(funding, portfolios, orders, outcomes, history, analytics);
    }

    private static OrderRecord executed(String user, String id, Side side, long quantity, String price, int second) {
        return new OrderRecord(
                id,
                user,
                "ACME",
                side,
                quantity,
                OrderStatus.EXECUTED,
                T,
                new BigDecimal(price),
                new BigDecimal(price),
                T.plusSeconds(second),
                null);
    }
}
