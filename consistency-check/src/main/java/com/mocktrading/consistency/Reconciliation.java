package com.mocktrading.consistency;

import com.mocktrading.core.money.Money;
import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.order.OrderStatus;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The system's invariants, checked over what the stores hold: every portfolio equals its opening state plus its
 * executed trades in the history (cash exactly, each holding exactly, nothing negative); no order has two
 * outcomes; every accepted order has exactly one, with the status its order record shows. Orders accepted after
 * {@code inFlightSince} may still be executing and are counted, not reported.
 */
public final class Reconciliation {

    private final BigDecimal startingCash;
    private final Instant inFlightSince;

    public Reconciliation(BigDecimal startingCash, Instant inFlightSince) {
        this.startingCash = Money.cash(startingCash);
        this.inFlightSince = inFlightSince;
    }

    public Report check(List<Portfolio> portfolios, List<OrderRecord> orders, List<HistoryTrade> history) {
        List<String> violations = new ArrayList<>();
        Map<String, List<HistoryTrade>> outcomesByOrder = history.stream()
                .collect(Collectors.groupingBy(HistoryTrade::orderId, LinkedHashMap::new, Collectors.toList()));
        outcomesByOrder.forEach((orderId, outcomes) -> {
            long distinct =
                    outcomes.stream().map(HistoryTrade::eventId).distinct().count();
            if (distinct > 1) {
                violations.add("order " + orderId + " has " + distinct + " outcomes in the history");
            }
        });

        int inFlight = 0;
        for (OrderRecord order : orders) {
            List<HistoryTrade> outcomes = outcomesByOrder.getOrDefault(order.orderId(), List.of());
            if (!order.status().isAccepted()) {
                // Withdrawn: its client was told it changed nothing, so it must never have an outcome.
                if (!outcomes.isEmpty()) {
                    violations.add("order " + order.orderId() + " was withdrawn but has an outcome in the history");
                }
            } else if (order.status() == OrderStatus.ACCEPTED) {
                if (order.acceptedAt().isAfter(inFlightSince)) {
                    inFlight++;
                } else {
                    violations.add(
                            "order " + order.orderId() + " accepted at " + order.acceptedAt() + " has no outcome yet");
                }
            } else if (outcomes.isEmpty()) {
                violations.add("order " + order.orderId() + " is " + order.status() + " but not in the history");
            } else if (!outcomes.get(0).status().name().equals(order.status().name())) {
                violations.add("order " + order.orderId() + " is " + order.status() + " but the history says "
                        + outcomes.get(0).status());
            }
        }

        Map<String, List<HistoryTrade>> executedByUser = new HashMap<>();
        outcomesByOrder.values().stream()
                .map(outcomes -> outcomes.get(0))
                .filter(trade -> trade.status().isExecuted())
                .forEach(trade -> executedByUser
                        .computeIfAbsent(trade.userId(), u -> new ArrayList<>())
                        .add(trade));
        Map<String, Portfolio> portfoliosByUser = new HashMap<>();
        for (Portfolio portfolio : portfolios) {
            portfoliosByUser.put(portfolio.userId(), portfolio);
            check(portfolio, executedByUser.getOrDefault(portfolio.userId(), List.of()), violations);
        }
        executedByUser.keySet().stream()
                .filter(user -> !portfoliosByUser.containsKey(user))
                .forEach(user -> violations.add("user " + user + " has executed trades but no portfolio"));
        return new Report(portfolios.size(), orders.size(), outcomesByOrder.size(), inFlight, violations);
    }

    private void check(Portfolio portfolio, List<HistoryTrade> executed, List<String> violations) {
        BigDecimal cash = startingCash;
        Map<String, Long> holdings = new TreeMap<>();
        for (HistoryTrade trade : executed) {
            BigDecimal notional = Money.notional(trade.quantity(), trade.executionPrice());
            long signed = trade.side() == Side.BUY ? trade.quantity() : -trade.quantity();
            cash = trade.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
            holdings.merge(trade.symbol(), signed, Long::sum);
        }
        holdings.values().removeIf(quantity -> quantity == 0);
        String user = portfolio.userId();
        if (portfolio.cashBalance().compareTo(cash) != 0) {
            violations.add("user " + user + " holds cash " + Money.formatCash(portfolio.cashBalance())
                    + " but opening cash plus trades is " + Money.formatCash(cash));
        }
        if (portfolio.cashBalance().signum() < 0) {
            violations.add("user " + user + " has negative cash " + Money.formatCash(portfolio.cashBalance()));
        }
        Map<String, Long> held = new TreeMap<>(portfolio.holdings());
        held.values().removeIf(quantity -> quantity == 0);
        if (!held.equals(holdings)) {
            violations.add("user " + user + " holds " + held + " but the trades add up to " + holdings);
        }
        held.forEach((symbol, quantity) -> {
            if (quantity < 0) {
                violations.add("user " + user + " holds " + quantity + " " + symbol);
            }
        });
    }

    /** What was checked and what is wrong. */
    public record Report(int portfolios, int orders, int ordersInHistory, int inFlight, List<String> violations) {

        public boolean consistent() {
            return violations.isEmpty();
        }
    }
}
