package com.mocktrading.domain.order;

import com.mocktrading.events.ExecutionStatus;

/**
 * Where an order stands: accepted (queued in trade_orders) until the execution job records its outcome.
 * WITHDRAWN is an order-service publication that Kafka did not confirm and whose client was told it changed
 * nothing: the record fences it, so that if it did reach trade_orders the execution job skips it. A withdrawn
 * order was never accepted: it is not shown to its user and has no outcome event.
 */
public enum OrderStatus {
    ACCEPTED,
    WITHDRAWN,
    EXECUTED,
    FAILED_INSUFFICIENT_FUNDS,
    FAILED_INSUFFICIENT_HOLDINGS,
    FAILED_PRICE_UNAVAILABLE;

    public static OrderStatus of(ExecutionStatus outcome) {
        return valueOf(outcome.name());
    }

    public boolean isFinal() {
        return this != ACCEPTED;
    }

    /** Accepted and then decided: everything but a withdrawn publication. */
    public boolean isAccepted() {
        return this != WITHDRAWN;
    }
}
