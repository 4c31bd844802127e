package com.mocktrading.execution.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.execution.records.Outcome;
import com.mocktrading.tracing.TracingSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emit-once rules of {@link EmitOutcomesOnce} in an operator harness: keyed state, checkpoints, restores and
 * processing-time timers as Flink runs them, with a read-back the test scripts instead of Kafka.
 */
class EmitOutcomesOnceTest {

    /** The operator applies what was read back on a processing-time timer of this period. */
    private static final long APPLY = 100;

    private final ScriptedOutcomes topic = new ScriptedOutcomes();
    private KeyedOneInputStreamOperatorTestHarness<String, Outcome, Outcome> harness;
    private long now;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anOutcomeIsEmittedAtOnceAndADuplicateOrderIsDropped() throws Exception {
        open();
        harness.processElement(outcome("alice", "o-1", false), 0);
        harness.processElement(outcome("alice", "o-1", false), 0); // the order event delivered twice
        topic.found(1, "alice", "o-1");
        applyReadBack();
        harness.processElement(outcome("alice", "o-1", true), 0); // and again, after its outcome was read back

        assertThat(harness.extractOutputValues()).extracting(Outcome::orderId).containsExactly("o-1");
    }

    @Test
    void aReplayIsHeldUntilAMarkShowsTheTopicLacksItsOutcomeThenEmitted() throws Exception {
        open();
        harness.processElement(outcome("bob", "o-2", true), 0);
        assertThat(harness.extractOutputValues()).isEmpty();

        completeCheckpoint(1);
        assertThat(topic.requestedMarks).containsExactly(1L);
        topic.reached(1L);
        applyReadBack();

        assertThat(harness.extractOutputValues()).extracting(Outcome::orderId).containsExactly("o-2");
    }

    @Test
    void aReplayWhoseOutcomeIsInTheTopicIsNeverEmitted() throws Exception {
        open();
        harness.processElement(outcome("bob", "o-3", true), 0);
        completeCheckpoint(1);
        topic.found(1, "bob", "o-3");
        topic.reached(1L);
        applyReadBack();

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anOutcomeWhoseTransactionDidNotCommitIsEmittedAgainAndOnlyThat() throws Exception {
        open();
        harness.processElement(outcome("carol", "o-4", false), 0);
        harness.processElement(outcome("dave", "o-5", false), 0);
        completeCheckpoint(1);
        topic.found(1, "dave", "o-5"); // o-4's transaction was lost
        topic.reached(1L);
        applyReadBack();
        completeCheckpoint(2);
        topic.found(2, "carol", "o-4");
        topic.reached(2L);
        applyReadBack();

        assertThat(harness.extractOutputValues()).extracting(Outcome::orderId).containsExactly("o-4", "o-5", "o-4");
    }

    @Test
    void anOutcomeEmittedAfterACheckpointIsNotJudgedByThatCheckpointsMark() throws Exception {
        open();
        harness.snapshot(1, now);
        harness.processElement(outcome("erin", "o-6", false), 0); // travels in checkpoint 2's transaction
        harness.notifyOfCompletedCheckpoint(1);
        topic.reached(1L);
        applyReadBack();

        assertThat(harness.extractOutputValues()).extracting(Outcome::orderId).containsExactly("o-6");
    }

    @Test
    void aRestoreChecksEveryOutcomePendingInTheCheckpointAndResumesReadingWhereItWas() throws Exception {
        open();
        harness.processElement(outcome("frank", "o-7", false), 0);
        harness.processElement(outcome("grace", "o-8", false), 0);
        topic.found(5, "grace", "o-8");
        applyReadBack();
        OperatorSubtaskState checkpoint = harness.snapshot(3, now);
        harness.close();

        ScriptedOutcomes afterRestart = new ScriptedOutcomes();
        harness = harness(afterRestart);
        harness.setRestoredCheckpointId(3);
        harness.initializeState(checkpoint);
        harness.open();
        assertThat(afterRestart.startPositions).isEqualTo(Map.of(0, 5L));
        assertThat(afterRestart.requestedMarks).containsExactly(3L);
        afterRestart.reached(3L);
        applyReadBack();
        harness.processElement(outcome("grace", "o-8", true), 0); // remembered as published across the restore

        assertThat(harness.extractOutputValues()).extracting(Outcome::orderId).containsExactly("o-7");
    }

    private void open() throws Exception {
        harness = harness(topic);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Outcome, Outcome> harness(ScriptedOutcomes topic)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new EmitOutcomesOnce(topic.source(), new TracingSettings("execution-job", null)),
                Outcome::userId,
                Types.STRING);
    }

    private void completeCheckpoint(long id) throws Exception {
        harness.snapshot(id, now);
        harness.notifyOfCompletedCheckpoint(id);
    }

    private void applyReadBack() throws Exception {
        now += APPLY;
        harness.setProcessingTime(now);
    }

    private static Outcome outcome(String user, String orderId, boolean replayed) {
        return new Outcome(
                Topics.TRADE_EXECUTED.newEventWithId(
                        Topics.TRADE_EXECUTED.eventIdOf(orderId),
                        "flink-execution-job",
                        new TradeExecutedPayload(
                                orderId,
                                user,
                                "ACME",
                                1,
                                Side.BUY,
                                ExecutionStatus.EXECUTED,
                                new BigDecimal("10.00"),
                                Instant.parse("2026-11-30T12:00:00Z"),
                                null),
                        null),
                replayed);
    }
}
