package com.mocktrading.domain.execution;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.events.TradeExecutedPayload;

/** What applying an order's outcome to the stores found. */
public sealed interface ExecutionOutcome {

    /** The outcome is now recorded (and, if executed, the portfolio changed) by this call. */
    record Applied(TradeExecutedPayload outcome) implements ExecutionOutcome {}

    /** The order had been decided before (a replay): its stored record is the outcome to report again. */
    record AlreadyDecided(OrderRecord order) implements ExecutionOutcome {}

    /** The portfolio changed since it was read: read again and retry. */
    record PortfolioMoved() implements ExecutionOutcome {}
}
