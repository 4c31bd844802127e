package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.order.OrderStatus;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final Instant T = Instant.parse("2026-11-24T03:00:00Z");
    private final Reconciliation reconciliation = new Reconciliation(new BigDecimal("1000.00"), T.plusSeconds(60));

    @Test
    void aPortfolioThatIsItsOpeningPlusItsTradesIsConsistent() {
        var report = reconciliation.check(
                // 1000 - 449.62 (3 x 149.875, half-even) + 149.88 (1 x 149.875)
                List.of(portfolio("alice", "700.26", Map.of("ACME", 2L))),
                List.of(
                        order("o1", "alice", Side.BUY, 3, OrderStatus.EXECUTED),
                        order("o2", "alice", Side.SELL, 1, OrderStatus.EXECUTED),
                        order("o3", "alice", Side.BUY, 99, OrderStatus.FAILED_INSUFFICIENT_FUNDS),
                        order("o4", "alice", Side.BUY, 5, OrderStatus.WITHDRAWN)),
                List.of(
                        executed("o1", "alice", Side.BUY, 3, "149.8750"),
                        executed("o2", "alice", Side.SELL, 1, "149.8750"),
                        failed("o3", "alice")));

        assertThat(report.violations()).isEmpty();
        assertThat(report.portfolios()).isEqualTo(1);
        assertThat(report.ordersInHistory()).isEqualTo(3);
    }

    @Test
    void reportsEveryKindOfViolation() {
        var report = reconciliation.check(
                List.of(portfolio("alice", "550.00", Map.of("ACME", 2L)), portfolio("bob", "-1.00", Map.of())),
                List.of(
                        order("o1", "alice", Side.BUY, 3, OrderStatus.EXECUTED),
                        order("o2", "alice", Side.BUY, 1, OrderStatus.ACCEPTED),
                        order("o3", "alice", Side.BUY, 1, OrderStatus.EXECUTED),
                        order("o4", "alice", Side.BUY, 1, OrderStatus.WITHDRAWN)),
                List.of(
                        failed("o4", "alice"),
                        executed("o1", "alice", Side.BUY, 3, "150.00"),
                        new HistoryTrade(
                                "second-event",
                                "o1",
                                "alice",
                                "ACME",
                                Side.BUY,
                                3,
                                ExecutionStatus.EXECUTED,
                                new BigDecimal("150.00")),
                        executed("o9", "carol", Side.BUY, 1, "1.00")));

        assertThat(report.violations())
                .anyMatch(v -> v.contains("order o1 has 2 outcomes"))
                .anyMatch(v -> v.contains("order o2 accepted") && v.contains("no outcome"))
                .anyMatch(v -> v.contains("order o3 is EXECUTED but not in the history"))
                .anyMatch(v -> v.contains("order o4 was withdrawn but has an outcome"))
                .anyMatch(v -> v.contains("user bob holds cash -1.00 but opening cash plus trades is 1000.00"))
                .anyMatch(v -> v.contains("user alice holds {ACME=2} but the trades add up to {ACME=3}"))
                .anyMatch(v -> v.contains("user bob has negative cash"))
                .anyMatch(v -> v.contains("user carol has executed trades but no portfolio"));
    }

    @Test
    void ordersStillExecutingAreCountedNotReported() {
        var report = reconciliation.check(
                List.of(portfolio("alice", "1000.00", Map.of())),
                List.of(new OrderRecord(
                        "o1",
                        "alice",
                        "ACME",
                        Side.BUY,
                        1,
                        OrderStatus.ACCEPTED,
                        T.plusSeconds(90),
                        null,
                        null,
                        null,
                        null)),
                List.of());

        assertThat(report.violations()).isEmpty();
        assertThat(report.inFlight()).isEqualTo(1);
    }

    private static Portfolio portfolio(String user, String cash, Map<String, Long> holdings) {
        return new Portfolio(user, new BigDecimal(cash), holdings, Map.of(), BigDecimal.ZERO.setScale(2), T, 1);
    }

    private static OrderRecord order(String id, String user, Side side, long quantity, OrderStatus status) {
        return new OrderRecord(id, user, "ACME", side, quantity, status, T, null, null, null, null);
    }

    private static HistoryTrade executed(String order, String user, Side side, long quantity, String price) {
        return new HistoryTrade(
                "outcome-" + order,
                order,
                user,
                "ACME",
                side,
                quantity,
                ExecutionStatus.EXECUTED,
                new BigDecimal(price));
    }

    private static HistoryTrade failed(String order, String user) {
        return new HistoryTrade(
                "outcome-" + order, order, user, "ACME", Side.BUY, 99, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, null);
    }
}
