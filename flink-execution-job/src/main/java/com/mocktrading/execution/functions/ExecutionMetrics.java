package com.mocktrading.execution.functions;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * What the execution operator reports: orders decided, by status ({@code ordersDecided{status=...}}), withdrawn
 * orders skipped, and the time from acceptance (the order's timestamp) to its decision
 * ({@code acceptanceToDecisionMillis}, over the last 1000 decisions). Executions run on the operator's pool
 * threads, hence the thread-safe counters and the synchronized histogram.
 */
final class ExecutionMetrics {

    private static final int HISTOGRAM_WINDOW = 1000;

    private final Map<ExecutionStatus, Counter> decided = new EnumMap<>(ExecutionStatus.class);
    private final Counter withdrawn;
    private final Histogram acceptanceToDecision;

    ExecutionMetrics(MetricGroup group) {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            decided.put(
                    status,
                    group.addGroup("status", status.name()).counter("ordersDecided", new ThreadSafeSimpleCounter()));
        }
        withdrawn = group.counter("ordersWithdrawnSkipped", new ThreadSafeSimpleCounter());
        acceptanceToDecision =
                group.histogram("acceptanceToDecisionMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    /** A decision made now (a replay's was counted when it was made). */
    void decided(TradeOrderPayload order, TradeExecutedPayload outcome) {
        decided.get(outcome.status()).inc();
        long millis = Duration.between(order.orderTimestamp(), outcome.executionTimestamp())
                .toMillis();
        synchronized (acceptanceToDecision) {
            acceptanceToDecision.update(Math.max(0, millis));
        }
    }

    void withdrawn() {
        withdrawn.inc();
    }
}
