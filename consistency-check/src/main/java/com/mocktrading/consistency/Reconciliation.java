package com.mocktrading.consistency;

import com.mocktrading.domain.execution.TradeMath;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The system's invariants, checked over what the stores hold:
 *
 * <ul>
 *   <li>every accepted order has exactly one outcome event in trade_executed, identical to its order record, and
 *       exactly one identical trade in Elasticsearch and in ClickHouse; no outcome without an accepted order;
 *       no order undecided for long;
 *   <li>every portfolio equals its funding plus its executed trades, applied in order: cash, holdings, cost
 *       basis, realized P&amp;L and version, exactly; nothing negative.
 * </ul>
 *
 * A running system is judged only where it is quiescent: orders accepted (or decided) after {@code settledBefore}
 * may still be on their way and are counted, not judged, and so is a portfolio that changed after it or has such
 * an order. On a healthy system the report is empty, not noise.
 */
public final class Reconciliation {

    private final Instant settledBefore;

    public Reconciliation(Instant settledBefore) {
        this.settledBefore = settledBefore;
    }

    /** What the stores hold. {@code outcomes} is trade_executed read to its end (read_committed). */
    public record Stores(
            Map<String, BigDecimal> funding,
            List<Portfolio> portfolios,
            List<OrderRecord> orders,
            List<TradeExecutedPayload> outcomes,
            List<HistoryTrade> history,
            List<HistoryTrade> analytics) {}

    public Report check(Stores stores) {
        Violations violations = new Violations();
        Map<String, OrderRecord> ordersById = new HashMap<>();
        stores.orders().forEach(order -> ordersById.put(order.orderId(), order));
        Map<String, List<TradeExecutedPayload>> outcomes = byOrder(stores.outcomes(), TradeExecutedPayload::orderId);
        Map<String, List<HistoryTrade>> history = byOrder(stores.history(), HistoryTrade::orderId);
        Map<String, List<HistoryTrade>> analytics = byOrder(stores.analytics(), HistoryTrade::orderId);

        outcomes.forEach((orderId, events) -> {
            OrderRecord order = ordersById.get(orderId);
            if (events.size() > 1) {
                violations.add(
                        Violation.Kind.DUPLICATED,
                        "order " + orderId + " has " + events.size() + " outcome events in trade_executed");
            }
            if (order == null) {
                violations.add(
                        Violation.Kind.PHANTOM,
                        "order " + orderId + " has an outcome in trade_executed but no order record");
            } else if (!order.status().isAccepted()) {
                violations.add(
                        Violation.Kind.PHANTOM,
                        "order " + orderId + " was withdrawn but has an outcome in trade_executed");
            }
        });
        phantoms(history, ordersById, "Elasticsearch", violations);
        phantoms(analytics, ordersById, "ClickHouse", violations);

        int inFlight = 0;
        Set<String> unsettledUsers = new HashSet<>();
        for (OrderRecord order : stores.orders()) {
            if (!order.status().isAccepted()) {
                continue;
            }
            if (order.status() == OrderStatus.ACCEPTED) {
                unsettledUsers.add(order.userId());
                if (order.acceptedAt().isBefore(settledBefore)) {
                    violations.add(
                            Violation.Kind.LOST,
                            "order " + order.orderId() + " accepted at " + order.acceptedAt() + " is still undecided");
                } else {
                    inFlight++;
                }
                continue;
            }
            if (!order.executedAt().isBefore(settledBefore)) {
                unsettledUsers.add(order.userId());
                inFlight++;
                continue;
            }
            TradeExecutedPayload expected = order.outcome();
            List<TradeExecutedPayload> events = outcomes.getOrDefault(order.orderId(), List.of());
            if (events.isEmpty()) {
                violations.add(Violation.Kind.LOST, describe(order) + " but has no outcome event in trade_executed");
            } else if (!sameOutcome(events.get(0), expected)) {
                violations.add(
                        Violation.Kind.MISMATCH,
                        describe(order) + " but trade_executed says "
                                + events.get(0).status() + " at "
                                + events.get(0).executionPrice());
            }
            present(order, history.getOrDefault(order.orderId(), List.of()), "Elasticsearch", violations);
            present(order, analytics.getOrDefault(order.orderId(), List.of()), "ClickHouse", violations);
        }

        Map<String, List<OrderRecord>> executedByUser = stores.orders().stream()
                .filter(order -> order.status() == OrderStatus.EXECUTED)
                .collect(Collectors.groupingBy(OrderRecord::userId));
        Set<String> withPortfolio = new HashSet<>();
        int judged = 0;
        for (Portfolio portfolio : stores.portfolios()) {
            withPortfolio.add(portfolio.userId());
            negatives(portfolio, violations);
            if (unsettledUsers.contains(portfolio.userId())
                    || !portfolio.lastUpdatedTimestamp().isBefore(settledBefore)) {
                continue;
            }
            BigDecimal funding = stores.funding().get(portfolio.userId());
            if (funding == null) {
                violations.add(
                        Violation.Kind.MISMATCH,
                        "user " + portfolio.userId() + " has a portfolio but no funding entry");
                continue;
            }
            judged++;
            Portfolio expected =
                    replay(portfolio.userId(), funding, executedByUser.getOrDefault(portfolio.userId(), List.of()));
            compare(portfolio, expected, violations);
        }
        executedByUser.keySet().stream()
                .filter(user -> !withPortfolio.contains(user))
                .forEach(user -> violations.add(
                        Violation.Kind.MISMATCH, "user " + user + " has executed orders but no portfolio"));
        return new Report(
                stores.portfolios().size(),
                judged,
                stores.orders().size(),
                outcomes.size(),
                inFlight,
                violations.all());
    }

    /** The opening funding with every executed order applied in the order of execution. */
    private static Portfolio replay(String user, BigDecimal funding, List<OrderRecord> executed) {
        Portfolio portfolio = Portfolio.opening(user, funding, Instant.EPOCH);
        List<OrderRecord> inOrder = new ArrayList<>(executed);
        inOrder.sort(Comparator.comparing(OrderRecord::executedAt).thenComparing(OrderRecord::orderId));
        for (OrderRecord order : inOrder) {
            portfolio = TradeMath.apply(
                    portfolio,
                    TradeMath.change(portfolio, order.side(), order.symbol(), order.quantity(), order.executionPrice()),
                    order.executedAt());
        }
        return portfolio;
    }

    private static void compare(Portfolio stored, Portfolio expected, Violations violations) {
        String user = "user " + stored.userId();
        if (stored.cashBalance().compareTo(expected.cashBalance()) != 0) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    user + " holds cash " + Money.formatCash(stored.cashBalance()) + " but funding plus trades is "
                            + Money.formatCash(expected.cashBalance()));
        }
        if (!nonZero(stored.holdings()).equals(nonZero(expected.holdings()))) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    user + " holds " + new TreeMap<>(stored.holdings()) + " but the trades add up to "
                            + new TreeMap<>(expected.holdings()));
        }
        if (!sameAmounts(stored.costBasis(), expected.costBasis())) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    user + " has cost basis " + new TreeMap<>(stored.costBasis()) + " but the trades give "
                            + new TreeMap<>(expected.costBasis()));
        }
        if (stored.realizedPnl().compareTo(expected.realizedPnl()) != 0) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    user + " has realized P&L " + Money.formatCash(stored.realizedPnl()) + " but the trades give "
                            + Money.formatCash(expected.realizedPnl()));
        }
        if (stored.version() != expected.version()) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    user + "'s portfolio changed " + stored.version() + " times for " + expected.version()
                            + " executed orders");
        }
    }

    private static void negatives(Portfolio portfolio, Violations violations) {
        if (portfolio.cashBalance().signum() < 0) {
            violations.add(
                    Violation.Kind.NEGATIVE,
                    "user " + portfolio.userId() + " has negative cash " + Money.formatCash(portfolio.cashBalance()));
        }
        portfolio.holdings().forEach((symbol, quantity) -> {
            if (quantity < 0) {
                violations.add(
                        Violation.Kind.NEGATIVE, "user " + portfolio.userId() + " holds " + quantity + " " + symbol);
            }
        });
    }

    /** Exactly one trade (one event id) for the order in the store, and the one the order record states. */
    private static void present(OrderRecord order, List<HistoryTrade> trades, String store, Violations violations) {
        long events = trades.stream().map(HistoryTrade::eventId).distinct().count();
        if (events == 0) {
            violations.add(Violation.Kind.LOST, describe(order) + " but is missing from " + store);
        } else if (events > 1) {
            violations.add(
                    Violation.Kind.DUPLICATED, "order " + order.orderId() + " has " + events + " trades in " + store);
        } else if (trades.stream().anyMatch(trade -> !sameTrade(trade, order.outcome()))) {
            violations.add(
                    Violation.Kind.MISMATCH,
                    describe(order) + " but " + store + " says " + trades.get(0).status() + " at "
                            + trades.get(0).executionPrice());
        }
    }

    private static void phantoms(
            Map<String, List<HistoryTrade>> trades,
            Map<String, OrderRecord> orders,
            String store,
            Violations violations) {
        trades.keySet().stream()
                .filter(orderId -> orders.get(orderId) == null
                        || !orders.get(orderId).status().isAccepted())
                .forEach(orderId -> violations.add(
                        Violation.Kind.PHANTOM,
                        "order " + orderId + " has a trade in " + store + " but no accepted order record"));
    }

    private static boolean sameOutcome(TradeExecutedPayload event, TradeExecutedPayload record) {
        return same(
                event.userId(),
                event.symbol(),
                event.side(),
                event.quantity(),
                event.status(),
                event.executionPrice(),
                record);
    }

    private static boolean sameTrade(HistoryTrade trade, TradeExecutedPayload record) {
        return same(
                trade.userId(),
                trade.symbol(),
                trade.side(),
                trade.quantity(),
                trade.status(),
                trade.executionPrice(),
                record);
    }

    /** Same user, symbol, side, quantity, status and price (numerically: stores keep their own scale). */
    private static boolean same(
            String userId,
            String symbol,
            Side side,
            long quantity,
            ExecutionStatus status,
            BigDecimal price,
            TradeExecutedPayload record) {
        return status == record.status()
                && userId.equals(record.userId())
                && symbol.equals(record.symbol())
                && side == record.side()
                && quantity == record.quantity()
                && samePrice(price, record.executionPrice());
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameAmounts(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static Map<String, Long> nonZero(Map<String, Long> holdings) {
        Map<String, Long> held = new TreeMap<>(holdings);
        held.values().removeIf(quantity -> quantity == 0);
        return held;
    }

    private static String describe(OrderRecord order) {
        return "order " + order.orderId() + " is " + order.status()
                + (order.status() == OrderStatus.EXECUTED ? " at " + order.executionPrice() : "");
    }

    private static <T> Map<String, List<T>> byOrder(List<T> items, Function<T, String> orderId) {
        return items.stream().collect(Collectors.groupingBy(orderId, TreeMap::new, Collectors.toList()));
    }

    /** What was checked and what is wrong. */
    public record Report(
            int portfolios,
            int portfoliosJudged,
            int orders,
            int ordersWithOutcome,
            int inFlight,
            List<Violation> violations) {

        public Report {
            violations = List.copyOf(Objects.requireNonNull(violations));
        }

        public boolean consistent() {
            return violations.isEmpty();
        }

        /** Nothing checked yet: what the reports of disjoint sets of users add up from. */
        public static Report empty() {
            return new Report(0, 0, 0, 0, 0, List.of());
        }

        /** This report and another one's, of other users, as one. */
        public Report plus(Report other) {
            List<Violation> all = new ArrayList<>(violations);
            all.addAll(other.violations);
            return new Report(
                    portfolios + other.portfolios,
                    portfoliosJudged + other.portfoliosJudged,
                    orders + other.orders,
                    ordersWithOutcome + other.ordersWithOutcome,
                    inFlight + other.inFlight,
                    all);
        }

        /** How many violations are of {@code kind}. */
        public long count(Violation.Kind kind) {
            return violations.stream()
                    .filter(violation -> violation.kind() == kind)
                    .count();
        }

        /** The violations as sentences. */
        public List<String> descriptions() {
            return violations.stream().map(Violation::description).toList();
        }
    }
}
