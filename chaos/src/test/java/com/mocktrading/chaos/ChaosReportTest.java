package com.mocktrading.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.consistency.Reconciliation;
import com.mocktrading.consistency.Violation;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verdict of a scenario on planted evidence: a clean run passes, and each broken promise (the negative
 * controls: a lost order, a key that got two orders, an acceptance nobody was told of, a 500, the check's own
 * violations) fails it, named.
 */
class ChaosReportTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final Scenario SCENARIO =
            Scenarios.named("kill-order-service", 2, Duration.ofSeconds(5)).orElseThrow();

    private final List<PlacedOrder> placed = new ArrayList<>();
    private final List<OrderRecord> orders = new ArrayList<>();
    private Map<String, Long> answers = Map.of("202", 2L, "503 DEPENDENCY_UNAVAILABLE", 3L);
    private Reconciliation.Report check = new Reconciliation.Report(1, 1, 2, 2, 0, List.of());

    @Test
    void aRunWhereEveryAcceptedOrderWasDecidedOncePasses() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        accepted("u1", null, "o2", OrderStatus.FAILED_INSUFFICIENT_FUNDS);
        placed.add(new PlacedOrder(
                "u1", "k3", "ACME", "BUY", 1, List.of(), "INSUFFICIENT_FUNDS", List.of("402 INSUFFICIENT_FUNDS")));

        ChaosReport report = report();

        assertThat(report.violations()).isEmpty();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.outcomes()).containsEntry("EXECUTED", 1L).containsEntry("FAILED_INSUFFICIENT_FUNDS", 1L);
        assertThat(report.refused()).containsEntry("INSUFFICIENT_FUNDS", 1L);
        assertThat(printed(report)).contains("PASSED");
    }

    @Test
    void anAcceptedOrderThatWasNeverDecidedOrNeverRecordedIsLost() {
        accepted("u1", "k1", "o1", OrderStatus.ACCEPTED);
        placed.add(new PlacedOrder("u1", "k2", "ACME", "BUY", 1, List.of("o2"), PlacedOrder.ACCEPTED, List.of("202")));
        accepted("u1", "k3", "o3", OrderStatus.WITHDRAWN);

        assertThat(report().violations())
                .containsExactlyInAnyOrder(
                        "lost: accepted order o1 (ACCEPTED)",
                        "lost: accepted order o2 (no order record)",
                        "lost: accepted order o3 (WITHDRAWN)");
    }

    @Test
    void aKeyAnsweredWithTwoOrdersIsADuplicate() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        accepted("u1", "k1", "o2", OrderStatus.EXECUTED);

        assertThat(report().violations()).containsExactly("duplicated: key u1/k1 got orders [o1, o2]");
    }

    @Test
    void anOrderNoClientWasToldOfIsAllowedOnlyForAnOrderItsClientGaveUpOn() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        orders.add(record("u1", "o9", OrderStatus.EXECUTED));

        assertThat(report().violations())
                .containsExactly("1 orders were accepted that no client was told of, more than the 0 orders their"
                        + " clients gave up on");

        placed.add(new PlacedOrder("u1", null, "ACME", "BUY", 1, List.of(), PlacedOrder.NO_ANSWER, List.of("TIMEOUT")));
        assertThat(report().violations()).isEmpty();
    }

    @Test
    void anAnswer500IsADefectWhateverTheFault() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        answers = Map.of("202", 1L, "500 INTERNAL", 2L);

        assertThat(report().violations())
                .containsExactly("2 requests answered 500 INTERNAL: a defect, never an answer to a fault");
    }

    @Test
    void anErrorWithoutAProblemCodeIsADefect() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        answers = Map.of("202", 1L, "503", 3L, "TIMEOUT", 1L);

        assertThat(report().violations())
                .containsExactly(
                        "3 requests answered 503 without a problem code: the client cannot tell whether to" + " retry");
    }

    @Test
    void theChecksViolationsFailTheRunByKind() {
        accepted("u1", "k1", "o1", OrderStatus.EXECUTED);
        check = new Reconciliation.Report(
                1,
                1,
                1,
                1,
                0,
                List.of(
                        new Violation(Violation.Kind.NEGATIVE, "user u1 has negative cash -1.00"),
                        new Violation(Violation.Kind.MISMATCH, "user u1 holds cash 1.00 but ...")));

        ChaosReport report = report();

        assertThat(report.violations())
                .containsExactly(
                        "consistency check: 1 negative violations", "consistency check: 1 mismatch violations");
        assertThat(printed(report)).contains("negative 1, ledger mismatches 1").contains("FAILED");
    }

    private void accepted(String user, String key, String orderId, OrderStatus status) {
        placed.add(
                new PlacedOrder(user, key, "ACME", "BUY", 1, List.of(orderId), PlacedOrder.ACCEPTED, List.of("202")));
        if (orders.stream().noneMatch(order -> order.orderId().equals(orderId))) {
            orders.add(record(user, orderId, status));
        }
    }

    private static OrderRecord record(String user, String orderId, OrderStatus status) {
        boolean decided = status != OrderStatus.ACCEPTED && status != OrderStatus.WITHDRAWN;
        return new OrderRecord(
                orderId,
                user,
                "ACME",
                Side.BUY,
                1,
                status,
                T,
                new BigDecimal("10.00"),
                status == OrderStatus.EXECUTED ? new BigDecimal("10.00") : null,
                decided ? T.plusSeconds(1) : null,
                status.name().startsWith("FAILED") ? "INSUFFICIENT_FUNDS" : null);
    }

    private ChaosReport report() {
        ScenarioRun.Evidence evidence = new ScenarioRun.Evidence(
                List.of(),
                new OrderClient.User("hot", "t"),
                List.of("ACME"),
                placed,
                orders,
                List.of(),
                0,
                Duration.ofSeconds(3),
                "");
        return ChaosReport.of(
                SCENARIO,
                evidence,
                new ChaosReport.ClientFigures(answers, Duration.ofSeconds(3), Optional.of(Duration.ofMillis(200))),
                check,
                List.of(),
                new ChaosReport.Timings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(40)),
                new ChaosReport.StackFacts(Map.of(), Map.of(), List.of(), Path.of("logs"), Path.of("checkpoints")));
    }

    private static String printed(ChaosReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
