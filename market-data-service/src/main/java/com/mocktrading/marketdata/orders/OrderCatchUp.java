package com.mocktrading.marketdata.orders;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.domain.order.OrderRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outcomes a user's connection may have missed while this instance's Redis subscription was down: Pub/Sub
 * keeps nothing for a subscriber that is away, so after a reconnect the user's orders decided since the outage
 * began (with a margin for messages in flight when it did) are read from their records and sent again. Clients
 * get an update at least once and recognise a repeat by its orderId.
 */
public final class OrderCatchUp {

    /** Outcomes published shortly before the loss was noticed may have been lost too. */
    static final Duration MARGIN = Duration.ofSeconds(10);

    private static final int MOST_RECENT = 100;

    private final OrderStore orders;

    public OrderCatchUp(OrderStore orders) {
        this.orders = orders;
    }

    /** The {@code order_update} payloads of the user's orders decided since {@code lostAt}, oldest first. */
    public List<String> decidedSince(String userId, Instant lostAt) {
        Instant since = lostAt.minus(MARGIN);
        List<OrderRecord> oldestFirst = new ArrayList<>(orders.recentOf(userId, Optional.empty(), MOST_RECENT));
        Collections.reverse(oldestFirst);
        return oldestFirst.stream()
                .filter(order -> order.status().isFinal() && order.status().isAccepted())
                .filter(order ->
                        order.executedAt() != null && !order.executedAt().isBefore(since))
                .map(order -> OrderUpdateView.of(order.outcome()).toJson())
                .toList();
    }
}
