package com.mocktrading.execution.support;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The execution invariants of spec 2.3, checked from the outside: every order has exactly one outcome event;
 * every portfolio equals its opening cash plus the sum of its executed trades (cash, shares), with nothing
 * negative; and it changed exactly once per executed trade (its version), so no order was applied twice.
 * Returns every violation found, so a test can show the checker catching a broken run too.
 */
public final class ExecutionInvariants {

    private ExecutionInvariants() {}

    public static List<String> violations(
            List<TradeOrderPayload> orders,
            List<EventEnvelope<TradeExecutedPayload>> events,
            Map<String, BigDecimal> openingCash,
            Function<String, Portfolio> portfolioOf) {
        List<String> violations = new ArrayList<>();
        Map<String, List<TradeExecutedPayload>> byOrder = events.stream()
                .map(EventEnvelope::payload)
                .collect(Collectors.groupingBy(TradeExecutedPayload::orderId));
        for (TradeOrderPayload order : orders) {
            int outcomes = byOrder.getOrDefault(order.orderId(), List.of()).size();
            if (outcomes != 1) {
                violations.add("order " + order.orderId() + " has " + outcomes + " outcome events");
            }
        }
        Map<String, List<TradeExecutedPayload>> executedByUser = new HashMap<>();
        byOrder.values().stream()
                .map(outcomes -> outcomes.get(0))
                .filter(outcome -> outcome.status() == ExecutionStatus.EXECUTED)
                .forEach(outcome -> executedByUser
                        .computeIfAbsent(outcome.userId(), u -> new ArrayList<>())
                        .add(outcome));
        for (Map.Entry<String, BigDecimal> user : openingCash.entrySet()) {
            checkPortfolio(
                    user.getKey(),
                    user.getValue(),
                    executedByUser.getOrDefault(user.getKey(), List.of()),
                    portfolioOf.apply(user.getKey()),
                    violations);
        }
        return violations;
    }

    private static void checkPortfolio(
            String user,
            BigDecimal opening,
            List<TradeExecutedPayload> trades,
            Portfolio portfolio,
            List<String> violations) {
        BigDecimal cash = opening;
        Map<String, Long> holdings = new HashMap<>();
        for (TradeExecutedPayload trade : trades) {
            BigDecimal notional = Money.notional(trade.quantity(), trade.executionPrice());
            boolean buy = trade.side() == Side.BUY;
            cash = buy ? cash.subtract(notional) : cash.add(notional);
            holdings.merge(trade.symbol(), buy ? trade.quantity() : -trade.quantity(), Long::sum);
        }
        holdings.values().removeIf(quantity -> quantity == 0);
        if (portfolio.cashBalance().compareTo(cash) != 0) {
            violations.add(user + ": cash " + portfolio.cashBalance() + " but opening + trades = " + cash);
        }
        if (!portfolio.holdings().equals(holdings)) {
            violations.add(user + ": holdings " + portfolio.holdings() + " but trades sum to " + holdings);
        }
        if (portfolio.cashBalance().signum() < 0) {
            violations.add(user + ": negative cash " + portfolio.cashBalance());
        }
        portfolio.holdings().forEach((symbol, quantity) -> {
            if (quantity < 0) {
                violations.add(user + ": negative holding of " + symbol);
            }
        });
        if (portfolio.version() != trades.size()) {
            violations.add(user + ": changed " + portfolio.version() + " times for " + trades.size() + " trades");
        }
    }
}
