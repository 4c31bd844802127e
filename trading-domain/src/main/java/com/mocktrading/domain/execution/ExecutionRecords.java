package com.mocktrading.domain.execution;

import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.TradeOrderPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where decisions are recorded, at most once per order: a store whose write succeeds only while the order is
 * undecided (and, for an execution, only while the portfolio is still the one read). What the executor needs of
 * it, so that the rules stay plain Java; the DynamoDB store implements it.
 */
public interface ExecutionRecords {

    /** Records the execution: the portfolio's change and the order's move to EXECUTED, together. */
    ExecutionOutcome recordExecution(
            TradeOrderPayload order, BigDecimal price, Instant at, Portfolio read, PositionChange change);

    /** Records the order's failure with {@code status}; the portfolio stays as it is. */
    ExecutionOutcome recordFailure(TradeOrderPayload order, ExecutionStatus status, Instant at, String reason);
}
