package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
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
 * The checker's verdicts on planted states: a healthy history is consistent, and each kind of violation (the
 * negative controls) is reported for what it is.
 */
class ReconciliationTest {

    private static final Instant T = Instant.parse("2026-11-24T03:00:00Z");
    private static final Instant SETTLED_BEFORE = T.plusSeconds(60);

    private final Reconciliation reconciliation = new Reconciliation(SETTLED_BEFORE);

    @Test
    void aPortfolioThatIsItsFundingPlusItsTradesIsConsistent() {
        // 1000 - 449.63 (3 x 149.875 = 449.625, half-even to 449.62) + 149.88; basis 449.62 - 149.87
        Facts facts = healthyAlice();

        Reconciliation.Report report = reconciliation.check(facts.stores());

        assertThat(report.violations()).isEmpty();
        assertThat(report.portfoliosJudged()).isEqualTo(1);
        assertThat(report.ordersWithOutcome()).isEqualTo(3);
    }

    @Test
    void reportsADoubleExecution() {
        Facts facts = healthyAlice();
        facts.outcomes.add(facts.outcomes.get(0)); // a second event for o1
        facts.portfolios.set(0, alice("250.76", Map.of("ACME", 5L), Map.of("ACME", "749.37"), "0.01", 3));

        List<String> violations = reconciliation.check(facts.stores()).descriptions();

        assertThat(violations)
                .anyMatch(v -> v.equals("order o1 has 2 outcome events in trade_executed"))
                .anyMatch(v -> v.startsWith("user alice holds cash 250.76 but funding plus trades is 700.26"))
                .anyMatch(v -> v.equals("user alice's portfolio changed 3 times for 2 executed orders"));
    }

    @Test
    void reportsALostAcceptedOrder() {
        Facts facts = healthyAlice();
        facts.orders.add(order("o5", Side.BUY, 1, OrderStatus.ACCEPTED, null, null));

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .containsExactly("order o5 accepted at " + T + " is still undecided");
    }

    @Test
    void reportsAnOutcomeMissingFromTheTopic() {
        Facts facts = healthyAlice();
        facts.outcomes.remove(1);

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .containsExactly("order o2 is EXECUTED at 149.8750 but has no outcome event in trade_executed");
    }

    @Test
    void reportsANegativeBalanceAndANegativeHolding() {
        Facts facts = healthyAlice();
        facts.portfolios.set(0, alice("-1.00", Map.of("ACME", -2L), Map.of("ACME", "299.75"), "0.01", 2));

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .contains("user alice has negative cash -1.00", "user alice holds -2 ACME");
    }

    @Test
    void reportsAMissingHistoryDocumentAndAClickHouseDuplicate() {
        Facts facts = healthyAlice();
        facts.history.remove(0);
        facts.analytics.add(trade("another-event", "o2", Side.SELL, 1, ExecutionStatus.EXECUTED, "149.8750"));

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .containsExactlyInAnyOrder(
                        "order o1 is EXECUTED at 149.8750 but is missing from Elasticsearch",
                        "order o2 has 2 trades in ClickHouse");
    }

    @Test
    void reportsAPhantomTradeAndAWithdrawnOrderWithAnOutcome() {
        Facts facts = healthyAlice();
        facts.orders.add(order("o4", Side.BUY, 5, OrderStatus.WITHDRAWN, null, null));
        facts.outcomes.add(outcome("o4", Side.BUY, 5, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, null));
        facts.history.add(trade("outcome-o9", "o9", Side.BUY, 1, ExecutionStatus.EXECUTED, "1.00"));

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .containsExactlyInAnyOrder(
                        "order o4 was withdrawn but has an outcome in trade_executed",
                        "order o9 has a trade in Elasticsearch but no accepted order record");
    }

    @Test
    void reportsADifferentOutcomeInAReadModelAndAPortfolioWithoutFunding() {
        Facts facts = healthyAlice();
        facts.analytics.set(0, trade("outcome-o1", "o1", Side.BUY, 3, ExecutionStatus.EXECUTED, "150.0000"));
        facts.funding.clear();

        assertThat(reconciliation.check(facts.stores()).descriptions())
                .containsExactlyInAnyOrder(
                        "order o1 is EXECUTED at 149.8750 but ClickHouse says EXECUTED at 150.0000",
                        "user alice has a portfolio but no funding entry");
    }

    @Test
    void judgesNothingThatMayStillBeOnItsWay() {
        // An order accepted after the watermark, undecided, and a portfolio changed after it: counted, not judged.
        Facts facts = healthyAlice();
        facts.orders.add(new OrderRecord(
                "o6", "alice", "ACME", Side.BUY, 1, OrderStatus.ACCEPTED, T.plusSeconds(90), null, null, null, null));
        facts.portfolios.set(0, alice("1.00", Map.of(), Map.of(), "0.00", 9));

        Reconciliation.Report report = reconciliation.check(facts.stores());

        assertThat(report.violations()).isEmpty();
        assertThat(report.inFlight()).isEqualTo(1);
        assertThat(report.portfoliosJudged()).isZero();
    }

    /** alice, funded with 1000.00: buys 3 ACME at 149.875, sells 1, and one buy fails. */
    private static Facts healthyAlice() {
        Facts facts = new Facts();
        facts.funding.put("alice", new BigDecimal("1000.00"));
        facts.portfolios.add(alice("700.26", Map.of("ACME", 2L), Map.of("ACME", "299.75"), "0.01", 2));
        facts.orders.add(order("o1", Side.BUY, 3, OrderStatus.EXECUTED, "149.8750", T.plusMillis(1)));
        facts.orders.add(order("o2", Side.SELL, 1, OrderStatus.EXECUTED, "149.8750", T.plusMillis(2)));
        facts.orders.add(order("o3", Side.BUY, 99, OrderStatus.FAILED_INSUFFICIENT_FUNDS, null, T.plusMillis(3)));
        for (OrderRecord order : facts.orders) {
            TradeExecutedPayload outcome = order.outcome();
            facts.outcomes.add(outcome);
            HistoryTrade stored = trade(
                    "outcome-" + order.orderId(),
                    order.orderId(),
                    order.side(),
                    order.quantity(),
                    outcome.status(),
                    order.executionPrice() == null
                            ? null
                            : order.executionPrice().toPlainString());
            facts.history.add(stored);
            facts.analytics.add(stored);
        }
        return facts;
    }

    private static final class Facts {
        final Map<String, BigDecimal> funding = new HashMap<>();
        final List<Portfolio> portfolios = new ArrayList<>();
        final List<OrderRecord> orders = new ArrayList<>();
        final List<TradeExecutedPayload> outcomes = new ArrayList<>();
        final List<HistoryTrade> history = new ArrayList<>();
        final List<HistoryTrade> analytics = new ArrayList<>();

        Reconciliation.Stores stores() {
            return new Reconciliation.Stores(funding, portfolios, orders, outcomes, history, analytics);
        }
    }

    private static Portfolio alice(
            String cash, Map<String, Long> holdings, Map<String, String> basis, String pnl, long version) {
        Map<String, BigDecimal> costBasis = new HashMap<>();
        basis.forEach((symbol, amount) -> costBasis.put(symbol, new BigDecimal(amount)));
        return new Portfolio(
                "alice", new BigDecimal(cash), holdings, costBasis, new BigDecimal(pnl), T.plusMillis(3), version);
    }

    private static OrderRecord order(
            String id, Side side, long quantity, OrderStatus status, String price, Instant executedAt) {
        return new OrderRecord(
                id,
                "alice",
                "ACME",
                side,
                quantity,
                status,
                T,
                null,
                price == null ? null : new BigDecimal(price),
                executedAt,
                status.isFinal() && status != OrderStatus.EXECUTED && status.isAccepted() ? "refused" : null);
    }

    private static TradeExecutedPayload outcome(
            String order, Side side, long quantity, ExecutionStatus status, String price) {
        return new TradeExecutedPayload(
                order,
                "alice",
                "ACME",
                quantity,
                side,
                status,
                price == null ? null : new BigDecimal(price),
                T.plusMillis(4),
                status == ExecutionStatus.EXECUTED ? null : "refused");
    }

    private static HistoryTrade trade(
            String eventId, String order, Side side, long quantity, ExecutionStatus status, String price) {
        return new HistoryTrade(
                eventId, order, "alice", "ACME", side, quantity, status, price == null ? null : new BigDecimal(price));
    }
}
