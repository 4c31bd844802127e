package com.mocktrading.events;

/**
 * Outcome of an order. Adding a value is a breaking change for consumers that switch over it,
 * which is why the schema compatibility check flags added enum values too.
 */
public enum ExecutionStatus {
    EXECUTED,
    FAILED_INSUFFICIENT_FUNDS,
    FAILED_INSUFFICIENT_HOLDINGS,
    FAILED_PRICE_UNAVAILABLE;

    public boolean isExecuted() {
        return this == EXECUTED;
    }
}
