package com.mocktrading.chaos;

import com.mocktrading.consistency.Reconciliation;
import com.mocktrading.consistency.Violation;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.localrun.FaultProxies;
import com.mocktrading.localstack.fault.FaultProxy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one scenario did and what it left: the clients' view (orders sent, answers by code, unavailability,
 * recovery) next to the stores' (outcomes, the consistency check), and the verdict. Any lost, duplicated or
 * phantom order, negative balance, ledger mismatch or failed scenario check is a violation.
 */
record ChaosReport(
        Scenario scenario,
        Timings timings,
        int ordersSent,
        int requests,
        int accepted,
        Map<String, Long> refused,
        int unanswered,
        Map<String, Long> answers,
        Map<String, Long> outcomes,
        List<String> lost,
        List<String> duplicated,
        int acceptedUnbeknownst,
        Map<Violation.Kind, Long> checkViolations,
        List<String> checkSample,
        int checkedOrders,
        int checkedPortfolios,
        Duration longestUnavailability,
        Optional<Duration> recovery,
        List<String> liveClients,
        List<String> scenarioViolations,
        Map<String, Integer> restarts,
        Map<String, String> proxies,
        List<String> jobs,
        Path logs,
        Path checkpoints) {

    /** The clients' own figures: every answer (per request) by status and code, and their unavailability. */
    record ClientFigures(Map<String, Long> answers, Duration longestUnavailability, Optional<Duration> recovery) {

        static ClientFigures of(Workload workload) {
            Map<String, Long> answers = new TreeMap<>();
            workload.answers().forEach((answer, count) -> answers.put(answer, count.get()));
            return new ClientFigures(
                    answers,
                    workload.availability().longestUnavailability(),
                    workload.availability().recovery());
        }
    }

    /** Where the evidence is, and what the stack's supervisor and fault proxies did. */
    record StackFacts(
            Map<String, Integer> restarts,
            Map<String, String> proxies,
            List<String> jobs,
            Path logs,
            Path checkpoints) {

        static StackFacts of(ChaosStack stack) {
            Map<String, String> proxies = new TreeMap<>();
            for (String store : FaultProxies.STORES) {
                long refusedConnections = 0;
                long injected = 0;
                for (FaultProxy proxy : stack.proxies().to(store)) {
                    refusedConnections += proxy.refusedConnections();
                    injected += proxy.requestsAnsweredWithErrors();
                }
                if (refusedConnections + injected > 0) {
                    proxies.put(
                            store,
                            refusedConnections + " connections refused, " + injected
                                    + " requests answered with injected errors");
                }
            }
            return new StackFacts(
                    stack.restarts(),
                    proxies,
                    FlinkJobFacts.describe(stack.stack().flink().restUrl()),
                    stack.logs(),
                    stack.checkpoints());
        }
    }

    /** When the fault began and how long it lasted, from the start of the workload; and the whole run. */
    record Timings(Duration faultAfter, Duration faultLasted, Duration total) {}

    static ChaosReport of(
            Scenario scenario,
            ScenarioRun.Evidence evidence,
            ClientFigures clients,
            Reconciliation.Report check,
            List<String> scenarioViolations,
            Timings timings,
            StackFacts stack) {
        List<PlacedOrder> placed = evidence.placed();
        Map<String, OrderRecord> stored =
                evidence.orders().stream().collect(Collectors.toMap(OrderRecord::orderId, Function.identity()));
        List<List<PlacedOrder>> logical = logicalOrders(placed);
        Set<String> acceptedIds =
                placed.stream().flatMap(order -> order.orderIds().stream()).collect(Collectors.toSet());
        int unanswered = (int) logical.stream()
                .filter(copies -> answer(copies).equals(PlacedOrder.NO_ANSWER))
                .count();
        Map<String, Long> outcomes = new TreeMap<>();
        List<String> lost = new ArrayList<>();
        for (String orderId : acceptedIds) {
            OrderRecord record = stored.get(orderId);
            if (record == null) {
                lost.add(orderId + " (no order record)");
            } else if (record.status() == OrderStatus.ACCEPTED || record.status() == OrderStatus.WITHDRAWN) {
                lost.add(orderId + " (" + record.status() + ")");
            } else {
                outcomes.merge(record.status().name(), 1L, Long::sum);
            }
        }
        List<String> duplicated = logical.stream()
                .filter(copies -> copies.get(0).key() != null)
                .filter(copies -> copies.stream()
                                .flatMap(copy -> copy.orderIds().stream())
                                .distinct()
                                .count()
                        > 1)
                .map(copies ->
                        "key " + copies.get(0).userId() + "/" + copies.get(0).key() + " got orders "
                                + copies.stream()
                                        .flatMap(copy -> copy.orderIds().stream())
                                        .distinct()
                                        .sorted()
                                        .toList())
                .toList();
        int unbeknownst = (int) evidence.orders().stream()
                .filter(order -> order.status() != OrderStatus.WITHDRAWN)
                .filter(order -> !acceptedIds.contains(order.orderId()))
                .count();
        List<String> ownViolations = new ArrayList<>(scenarioViolations);
        if (unbeknownst > unanswered) {
            ownViolations.add(unbeknownst + " orders were accepted that no client was told of, more than the "
                    + unanswered + " orders their clients gave up on");
        }
        Map<Violation.Kind, Long> byKind = new TreeMap<>();
        for (Violation.Kind kind : Violation.Kind.values()) {
            byKind.put(kind, check.count(kind));
        }
        return new ChaosReport(
                scenario,
                timings,
                logical.size(),
                placed.stream().mapToInt(PlacedOrder::attempts).sum(),
                (int) logical.stream()
                        .filter(copies -> answer(copies).equals(PlacedOrder.ACCEPTED))
                        .count(),
                logical.stream()
                        .map(ChaosReport::answer)
                        .filter(answer -> !answer.equals(PlacedOrder.ACCEPTED) && !answer.equals(PlacedOrder.NO_ANSWER))
                        .collect(Collectors.groupingBy(answer -> answer, TreeMap::new, Collectors.counting())),
                unanswered,
                new TreeMap<>(clients.answers()),
                outcomes,
                lost,
                duplicated,
                unbeknownst,
                byKind,
                check.descriptions().stream().limit(10).toList(),
                check.orders(),
                check.portfoliosJudged(),
                clients.longestUnavailability(),
                clients.recovery(),
                LiveClientsRecover.describe(evidence),
                ownViolations,
                stack.restarts(),
                stack.proxies(),
                stack.jobs(),
                stack.logs(),
                stack.checkpoints());
    }

    /** The orders the clients meant: a keyed order with all its copies and retries, or one unkeyed order. */
    private static List<List<PlacedOrder>> logicalOrders(List<PlacedOrder> placed) {
        Map<String, List<PlacedOrder>> keyed = new LinkedHashMap<>();
        List<List<PlacedOrder>> logical = new ArrayList<>();
        for (PlacedOrder order : placed) {
            if (order.key() == null) {
                logical.add(List.of(order));
            } else {
                keyed.computeIfAbsent(order.userId() + "/" + order.key(), key -> new ArrayList<>())
                        .add(order);
            }
        }
        logical.addAll(keyed.values());
        return logical;
    }

    /** What a logical order's client was told: accepted if any copy was, else the first copy's answer. */
    private static String answer(List<PlacedOrder> copies) {
        return copies.stream().anyMatch(PlacedOrder::accepted)
                ? PlacedOrder.ACCEPTED
                : copies.get(0).answer();
    }

    /** Every broken promise, one line each; empty when the scenario passed. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        lost.forEach(order -> violations.add("lost: accepted order " + order));
        duplicated.forEach(key -> violations.add("duplicated: " + key));
        checkViolations.forEach((kind, count) -> {
            if (count > 0) {
                violations.add("consistency check: " + count + " " + kind.name().toLowerCase() + " violations");
            }
        });
        answers.forEach((answer, count) -> {
            if (answer.startsWith("500") || answer.endsWith(" INTERNAL")) {
                violations.add(count + " requests answered " + answer + ": a defect, never an answer to a fault");
            } else if (answer.matches("[45]\\d\\d")) {
                violations.add(count + " requests answered " + answer + " without a problem code: the client cannot"
                        + " tell whether to retry");
            }
        });
        violations.addAll(scenarioViolations);
        return violations;
    }

    boolean passed() {
        return violations().isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("== " + scenario.name() + ": " + scenario.summary());
        out.println("   expected: " + scenario.expected());
        out.printf(
                "   fault      after %s, lasted %s; whole run %s%n",
                seconds(timings.faultAfter()), seconds(timings.faultLasted()), seconds(timings.total()));
        out.printf(
                "   orders     %d sent (%d requests), %d accepted (202), %d refused %s, %d left without an answer%n",
                ordersSent,
                requests,
                accepted,
                refused.values().stream().mapToLong(Long::longValue).sum(),
                refused,
                unanswered);
        out.println("   answers    " + answers);
        out.println("   outcomes   " + outcomes
                + (acceptedUnbeknownst > 0
                        ? "; " + acceptedUnbeknownst
                                + " more accepted without their client knowing (it gave up on them)"
                        : ""));
        out.printf(
                "   lost %d, duplicated %d, negative %d, ledger mismatches %d, phantoms %d (check of %d orders, %d"
                        + " portfolios)%n",
                lost.size() + checkViolations.get(Violation.Kind.LOST),
                duplicated.size() + checkViolations.get(Violation.Kind.DUPLICATED),
                checkViolations.get(Violation.Kind.NEGATIVE),
                checkViolations.get(Violation.Kind.MISMATCH),
                checkViolations.get(Violation.Kind.PHANTOM),
                checkedOrders,
                checkedPortfolios);
        out.printf(
                "   clients    longest unavailability %s; first order accepted %s after the fault ended%n",
                seconds(longestUnavailability),
                recovery.map(ChaosReport::seconds).orElse("(none)"));
        liveClients.forEach(line -> out.println("   live       " + line));
        if (!restarts.isEmpty()) {
            out.println("   restarted  " + new TreeMap<>(restarts) + " (by the supervisor, so far in this stack)");
        }
        proxies.forEach((store, figures) -> out.println("   proxies    " + store + ": " + figures));
        jobs.forEach(job -> out.println("   flink      " + job));
        out.println("   evidence   logs " + logs + ", checkpoints " + checkpoints);
        checkSample.forEach(line -> out.println("   check      " + line));
        List<String> violations = violations();
        if (violations.isEmpty()) {
            out.println(
                    "   PASSED: nothing lost, duplicated or negative; every portfolio is its funding plus its trades");
        } else {
            out.println("   FAILED:");
            violations.forEach(line -> out.println("     " + line));
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
