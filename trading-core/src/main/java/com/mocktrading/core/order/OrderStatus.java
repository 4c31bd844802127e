package com.mocktrading.core.order;

import com.mocktrading.events.ExecutionStatus;

/** Where an order stands: accepted (queued in trade_orders) until the execution job records its outcome. */
public enum OrderStatus {
    ACCEPTED,
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
}
