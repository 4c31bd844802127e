package com.mocktrading.execution.functions;

import com.mocktrading.events.TraceContext;
import com.mocktrading.execution.records.Outcome;
import com.mocktrading.execution.records.PendingOutcome;
import com.mocktrading.execution.records.ReadPosition;
import com.mocktrading.tracing.JobTracer;
import com.mocktrading.tracing.TracingSettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each order's outcome into trade_executed exactly once, whatever happened to the Kafka transaction that
 * carried it and whatever state the job started from. Keyed by user.
 *
 * <p>An outcome stays pending until it is read back from the topic ({@link PublishedOutcomes}). After each completed
 * checkpoint the read-back is asked for a mark; once it is reached, every transaction that carried an outcome
 * emitted before that checkpoint has committed or aborted, so an outcome still pending was lost (its transaction
 * timed out while the job was down, or the committer was fenced) and is emitted again. A replayed order (decided
 * before, found so by the store) is emitted only if the read-back does not find its outcome: held until the next
 * mark. So a start from a checkpoint restored after any downtime, and a start without any state, both end with one
 * event per order. Outcomes read back are remembered for {@link #REMEMBERED_FOR}, to drop a late duplicate order.
 */
public final class EmitOutcomesOnce extends AbstractStreamOperator<Outcome>
        implements OneInputStreamOperator<Outcome, Outcome> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EmitOutcomesOnce.class);
    /** Longer than any redelivery of an order can take. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(7);
    /** How often what was read back is applied: the delay a held replay or a lost outcome adds, at most. */
    private static final long APPLY_INTERVAL_MS = 100;

    private static final MapStateDescriptor<String, PendingOutcome> PENDING =
            new MapStateDescriptor<>("pending-outcomes", String.class, PendingOutcome.class);

    private final PublishedOutcomes.Source readBackSource;
    private final TracingSettings tracing;

    private transient MapState<String, PendingOutcome> pending;
    private transient MapState<String, Boolean> published;
    private transient ListState<ReadPosition> positionState;
    private transient Map<Integer, Long> positions;
    /** Pending outcomes by the checkpoint their emission precedes (epoch), order id to user id. */
    private transient NavigableMap<Long, Map<String, String>> pendingByEpoch;

    private transient long epoch;
    private transient long restoredCheckpoint;
    private transient int restoredPending;
    private transient KeyGroupRange ownKeyGroups;
    private transient int maxParallelism;
    private transient PublishedOutcomes readBack;
    private transient String topic;
    private transient Counter reEmitted;
    private transient Counter replaysEmitted;
    private transient JobTracer tracer;

    /**
     * @param readBack what the outcomes topic holds: {@link OutcomeReadBack#of} in the job
     * @param tracing where the "emit outcome" spans go
     */
    public EmitOutcomesOnce(PublishedOutcomes.Source readBack, TracingSettings tracing) {
        this.readBackSource = readBack;
        this.tracing = tracing;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        // Every subtask reads every partition, so each may resume from the lowest position any of them had.
        positionState = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("read-back-positions", ReadPosition.class));
        positions = new HashMap<>();
        for (ReadPosition position : positionState.get()) {
            positions.merge(position.partition(), position.offset(), Math::min);
        }
        restoredCheckpoint = context.getRestoredCheckpointId().orElse(0L);
    }

    @Override
    public void open() throws Exception {
        super.open();
        tracer = tracing.open();
        pending = getRuntimeContext().getMapState(PENDING);
        MapStateDescriptor<String, Boolean> publishedDescriptor =
                new MapStateDescriptor<>("published-order-ids", String.class, Boolean.class);
        publishedDescriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(REMEMBERED_FOR).build());
        published = getRuntimeContext().getMapState(publishedDescriptor);
        TaskInfo task = getRuntimeContext().getTaskInfo();
        maxParallelism = task.getMaxNumberOfParallelSubtasks();
        ownKeyGroups = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                maxParallelism, task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
        reEmitted = getMetricGroup().counter("outcomesReEmitted");
        replaysEmitted = getMetricGroup().counter("replayedOutcomesEmitted");

        epoch = restoredCheckpoint + 1;
        pendingByEpoch = new TreeMap<>();
        this.<String>getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        PENDING,
                        (String user, MapState<String, PendingOutcome> outcomes) -> {
                            for (Map.Entry<String, PendingOutcome> outcome : outcomes.entries()) {
                                index(outcome.getValue().epoch(), outcome.getKey(), user);
                            }
                        });
        readBack = readBackSource.open("execution-read-back-" + task.getIndexOfThisSubtask(), positions);
        topic = readBack.topic();
        readBack.start();
        if (restoredCheckpoint > 0) {
            // Outcomes pending in the restored state were emitted by an attempt that is gone: check them all.
            restoredPending =
                    pendingByEpoch.values().stream().mapToInt(Map::size).sum();
            LOG.info(
                    "Restored from checkpoint {} with {} outcomes not yet read back from {}: checking them",
                    restoredCheckpoint,
                    restoredPending,
                    topic);
            readBack.requestMark(restoredCheckpoint);
        }
        scheduleApply();
    }

    @Override
    public void processElement(StreamRecord<Outcome> element) throws Exception {
        Outcome outcome = element.getValue();
        if (published.contains(outcome.orderId()) || pending.contains(outcome.orderId())) {
            return; // a duplicate order event, or a replay of an outcome already on its way
        }
        if (!outcome.replayed()) {
            emit(outcome);
        }
        pending.put(outcome.orderId(), new PendingOutcome(outcome, epoch, !outcome.replayed()));
        index(epoch, outcome.orderId(), outcome.userId());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<ReadPosition> snapshot = new ArrayList<>();
        positions.forEach((partition, offset) -> snapshot.add(new ReadPosition(partition, offset)));
        positionState.update(snapshot);
        // What is emitted from now on travels in the transaction of the next checkpoint.
        epoch = context.getCheckpointId() + 1;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        readBack.requestMark(checkpointId);
    }

    @Override
    public void close() throws Exception {
        try {
            if (readBack != null) {
                readBack.close();
            }
            if (tracer != null) {
                tracer.close();
            }
        } finally {
            super.close();
        }
    }

    private void scheduleApply() {
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService().registerTimer(now + APPLY_INTERVAL_MS, time -> {
            applyReadBack();
            scheduleApply();
        });
    }

    private void applyReadBack() throws Exception {
        for (PublishedOutcomes.Batch batch : readBack.drain()) {
            for (PublishedOutcomes.Published outcome : batch.published()) {
                if (owns(outcome.userId())) {
                    setCurrentKey(outcome.userId());
                    PendingOutcome waiting = pending.get(outcome.orderId());
                    if (waiting != null) {
                        pending.remove(outcome.orderId());
                        unindex(waiting.epoch(), outcome.orderId());
                    }
                    published.put(outcome.orderId(), true);
                }
            }
            positions.putAll(batch.positions());
            for (long mark : batch.marksReached()) {
                emitWhatIsMissing(mark);
            }
        }
    }

    /**
     * Hands the outcome to the sink inside an "emit outcome" span, a child of its execution's span, whose context
     * the record carries on (header and event), so that each emission, a repeated one too, is a step of the trace.
     */
    private void emit(Outcome outcome) {
        TraceContext executed = outcome.event().traceContext();
        Span span = tracer.start("emit outcome", SpanKind.PRODUCER, executed);
        span.setAttribute("messaging.destination.name", topic);
        span.setAttribute("mocktrading.order_id", outcome.orderId());
        try {
            output.collect(new StreamRecord<>(outcome.withTraceContext(JobTracer.contextOf(span, executed))));
        } finally {
            span.end();
        }
    }

    /** Everything emitted (or held) before checkpoint {@code mark} and not read back is not in the topic. */
    private void emitWhatIsMissing(long mark) throws Exception {
        NavigableMap<Long, Map<String, String>> due = pendingByEpoch.headMap(mark, true);
        List<Map.Entry<String, String>> missing = new ArrayList<>();
        due.values().forEach(orders -> missing.addAll(orders.entrySet()));
        due.clear();
        if (mark == restoredCheckpoint && restoredPending > 0) {
            LOG.info(
                    "Of the {} outcomes pending in checkpoint {}, {} are in {} and {} are not: those are emitted again",
                    restoredPending,
                    restoredCheckpoint,
                    restoredPending - missing.size(),
                    topic,
                    missing.size());
        }
        for (Map.Entry<String, String> order : missing) {
            setCurrentKey(order.getValue());
            PendingOutcome outcome = pending.get(order.getKey());
            if (outcome == null) {
                continue;
            }
            if (outcome.emitted()) {
                reEmitted.inc();
                LOG.warn(
                        "The outcome of order {} of user {} is not in {}: the transaction that carried it did not"
                                + " commit; emitting it again",
                        order.getKey(),
                        order.getValue(),
                        topic);
            } else {
                replaysEmitted.inc();
                LOG.info(
                        "Order {} of user {} was decided before this run and its outcome is not in {}; emitting it",
                        order.getKey(),
                        order.getValue(),
                        topic);
            }
            emit(outcome.outcome());
            pending.put(order.getKey(), new PendingOutcome(outcome.outcome(), epoch, true));
            index(epoch, order.getKey(), order.getValue());
        }
    }

    private boolean owns(String userId) {
        return ownKeyGroups.contains(KeyGroupRangeAssignment.assignToKeyGroup(userId, maxParallelism));
    }

    private void index(long emittedBefore, String orderId, String userId) {
        pendingByEpoch.computeIfAbsent(emittedBefore, e -> new HashMap<>()).put(orderId, userId);
    }

    private void unindex(long emittedBefore, String orderId) {
        Map<String, String> orders = pendingByEpoch.get(emittedBefore);
        if (orders != null) {
            orders.remove(orderId);
            if (orders.isEmpty()) {
                pendingByEpoch.remove(emittedBefore);
            }
        }
    }
}
