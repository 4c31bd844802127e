package com.mocktrading.execution.functions;

import com.mocktrading.domain.execution.ExecutionOutcome;
import com.mocktrading.domain.execution.ExecutionRecords;
import com.mocktrading.domain.execution.PositionChange;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.tracing.JobTracer;
import io.opentelemetry.api.trace.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Supplier;

/** Each conditional DynamoDB transaction of an execution as a span, a child of the order's "execute order" span. */
final class TracedExecutionRecords implements ExecutionRecords {

    private final ExecutionRecords store;
    private final JobTracer tracer;

    TracedExecutionRecords(ExecutionRecords store, JobTracer tracer) {
        this.store = store;
        this.tracer = tracer;
    }

    @Override
    public ExecutionOutcome recordExecution(
            TradeOrderPayload order, BigDecimal price, Instant at, Portfolio read, PositionChange change) {
        return traced("record execution", () -> store.recordExecution(order, price, at, read, change));
    }

    @Override
    public ExecutionOutcome recordFailure(TradeOrderPayload order, ExecutionStatus status, Instant at, String reason) {
        return traced("record " + status, () -> store.recordFailure(order, status, at, reason));
    }

    private ExecutionOutcome traced(String what, Supplier<ExecutionOutcome> transaction) {
        Span span = tracer.startChild("DynamoDB transaction");
        span.setAttribute("db.system.name", "aws.dynamodb");
        span.setAttribute("db.operation.name", "TransactWriteItems");
        span.setAttribute("mocktrading.transaction", what);
        return JobTracer.during(span, () -> {
            ExecutionOutcome outcome = transaction.get();
            span.setAttribute("mocktrading.outcome", outcome.getClass().getSimpleName());
            return outcome;
        });
    }
}
