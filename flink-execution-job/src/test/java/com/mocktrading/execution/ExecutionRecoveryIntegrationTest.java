package com.mocktrading.execution;

import static com.mocktrading.execution.support.ExecutionTestSupport.awaitDecided;
import static com.mocktrading.execution.support.ExecutionTestSupport.awaitNoOpenTransaction;
import static com.mocktrading.execution.support.ExecutionTestSupport.awaitOutcomes;
import static com.mocktrading.execution.support.ExecutionTestSupport.checkpoint;
import static com.mocktrading.execution.support.ExecutionTestSupport.config;
import static com.mocktrading.execution.support.ExecutionTestSupport.newRun;
import static com.mocktrading.execution.support.ExecutionTestSupport.order;
import static com.mocktrading.execution.support.ExecutionTestSupport.price;
import static com.mocktrading.execution.support.ExecutionTestSupport.start;
import static com.mocktrading.execution.support.ExecutionTestSupport.startWithManualCheckpoints;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.support.CrashingDynamoDb;
import com.mocktrading.execution.support.ExecutionInvariants;
import com.mocktrading.execution.support.ExecutionTestSupport;
import com.mocktrading.localstack.SharedServers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Crash and recover: the job dies right after a DynamoDB commit, before the checkpoint that would have
 * committed the outcome to Kafka, mid-way through many users' concurrent order streams. Afterwards every
 * invariant holds; and an order applied twice to its portfolio is caught by the checker.
 */
class ExecutionRecoveryIntegrationTest {

    private static final int USERS = 12;
    private static final BigDecimal OPENING = new BigDecimal("1000.00");
    /** Transactions that time out long before the first checkpoint, which only the test triggers. */
    private static final Map<String, String> SHORT_TRANSACTIONS_MANUAL_CHECKPOINTS =
            Map.of("transaction-timeout-ms", "3000", "checkpoint-interval-ms", "3600000");
    /** Orders per user. */
    private static final int STREAM = 6;

    @AfterEach
    void disarm() {
        CrashingDynamoDb.disarm();
    }

    @Test
    void aCrashAfterTheDynamoDbCommitReplaysToExactlyOneIdenticalOutcomePerOrder() throws Exception {
        Scenario scenario = scenario(Map.of());
        TradeOrderPayload victim = scenario.orders.get(scenario.orders.size() / 2);
        CrashingDynamoDb.armAfterCommit(victim.orderId()::equals);

        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();

        assertThat(CrashingDynamoDb.isArmed()).as("the crash point fired").isFalse();
        assertThat(scenario.violations(events)).isEmpty();
        EventEnvelope<TradeExecutedPayload> replayed = events.stream()
                .filter(e -> e.payload().orderId().equals(victim.orderId()))
                .findFirst()
                .orElseThrow();
        OrderRecord stored = new OrderStore(SharedServers.dynamoDb().client(), TableDefinitions.ORDERS)
                .find(victim.orderId())
                .orElseThrow();
        assertThat(replayed.eventId()).isEqualTo(Topics.TRADE_EXECUTED.eventIdOf(victim.orderId()));
        assertThat(replayed.eventTimestamp()).isEqualTo(stored.executedAt());
        assertThat(replayed.payload().status().name()).isEqualTo(stored.status().name());
    }

    @Test
    void aTaskFailureMidStreamLosesAndDuplicatesNothing() throws Exception {
        Scenario scenario = scenario(Map.of());
        AtomicInteger seen = new AtomicInteger();
        CrashingDynamoDb.armAfterCommit(orderId -> seen.incrementAndGet() == scenario.orders.size() / 3);

        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();

        assertThat(CrashingDynamoDb.isArmed()).isFalse();
        assertThat(scenario.violations(events)).isEmpty();
    }

    @Test
    void theCheckerCatchesAnOrderExecutedTwice() throws Exception {
        Scenario scenario = scenario(Map.of());
        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();
        TradeExecutedPayload victim = events.stream()
                .map(EventEnvelope::payload)
                .filter(outcome -> outcome.status() == ExecutionStatus.EXECUTED)
                .findFirst()
                .orElseThrow();

        // What a store without the once-only condition would do with a replayed order: apply it a second time.
        applyAgain(victim);

        assertThat(scenario.violations(events)).anySatisfy(v -> assertThat(v).contains(victim.userId()));
    }

    @Test
    void outcomesWhoseTransactionTimedOutBeforeItsCheckpointCompletedArePublishedOnceAfterwards() throws Exception {
        // A transaction older than its timeout when its checkpoint completes is what a recovery longer than the
        // timeout meets: the broker aborted it, the committer's commit is refused ("producer is already fenced
        // ... this most likely signals data loss"), and the checkpoint already counts its outcomes as emitted.
        Scenario scenario = published(unpublished(SHORT_TRANSACTIONS_MANUAL_CHECKPOINTS));
        JobClient job = startWithManualCheckpoints(scenario.config, "timed-out-" + scenario.run);
        try {
            awaitDecidedAndTimedOut(scenario);

            List<EventEnvelope<TradeExecutedPayload>> events = checkpointUntilOutcomes(job, scenario);

            assertThat(scenario.violations(events)).isEmpty();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aRecoveryLongerThanTheTransactionTimeoutPublishesTheOutcomesOfTheRestoredCheckpointOnce() throws Exception {
        // The first run's only checkpoint counts every outcome as emitted, but its transaction timed out: the
        // broker aborted it and nothing was committed. The run is then stopped, and a second run restores that
        // checkpoint: its source offsets are past every order, so only the checkpoint's pending outcomes can
        // bring the outcomes back.
        Scenario scenario = published(unpublished(SHORT_TRANSACTIONS_MANUAL_CHECKPOINTS));
        JobClient first = startWithManualCheckpoints(scenario.config, "long-recovery-a-" + scenario.run);
        Path restored;
        try {
            awaitDecidedAndTimedOut(scenario);
            restored = checkpoint(first);
        } finally {
            first.cancel().get();
        }
        awaitNoOpenTransaction(scenario.config.transactionalIdPrefix());
        assertThat(ExecutionTestSupport.read(scenario.config.outcomesTopic()))
                .as("nothing committed: the first run's transactions timed out or were never committed")
                .isEmpty();

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, restored.toUri().toString());
        JobClient second = start(
                config(scenario.run, Map.of("checkpoint-interval-ms", "500")),
                "long-recovery-b-" + scenario.run,
                restore);
        try {
            List<EventEnvelope<TradeExecutedPayload>> events =
                    awaitOutcomes(scenario.config.outcomesTopic(), scenario.orders.size());

            assertThat(scenario.violations(events)).isEmpty();
        } finally {
            second.cancel().get();
        }
    }

    @Test
    void aStartWithoutStateNeitherRepeatsNorLosesAnOutcome() throws Exception {
        // The first run publishes the first half of every user's orders and decides the second half, whose
        // transaction never commits; its state is then lost, and so are its offsets (a new consumer group): the
        // second run replays every order, each decided already.
        // The first half's transaction must outlive deciding it and its checkpoint, even on a slow machine.
        Scenario scenario = unpublished(Map.of("transaction-timeout-ms", "30000", "checkpoint-interval-ms", "3600000"));
        List<TradeOrderPayload> firstHalf = scenario.half(0);
        List<TradeOrderPayload> secondHalf = scenario.half(1);
        JobClient first = startWithManualCheckpoints(scenario.config, "stateless-a-" + scenario.run);
        try {
            scenario.produce(firstHalf);
            awaitDecided(firstHalf);
            checkpoint(first);
            awaitOutcomes(scenario.config.outcomesTopic(), firstHalf.size());
            scenario.produce(secondHalf);
            awaitDecided(secondHalf);
        } finally {
            first.cancel().get();
        }
        assertThat(ExecutionTestSupport.read(scenario.config.outcomesTopic())).hasSize(firstHalf.size());

        ExecutionJobConfig again = config(scenario.run, Map.of("group", scenario.config.consumerGroup() + "-again"));
        JobClient second = start(again, "stateless-b-" + scenario.run);
        try {
            List<EventEnvelope<TradeExecutedPayload>> events =
                    awaitOutcomes(scenario.config.outcomesTopic(), scenario.orders.size());

            assertThat(scenario.violations(events)).isEmpty();
        } finally {
            second.cancel().get();
        }
    }

    /** Every order decided, and the transaction that carries their outcomes aborted by the broker: none is out. */
    /** Moves the owner's cash by the outcome's notional once more, with a new version, as a second execution. */
    private static void applyAgain(TradeExecutedPayload outcome) {
        BigDecimal notional = Money.notional(outcome.quantity(), outcome.executionPrice());
        BigDecimal cash = ExecutionTestSupport.portfolio(outcome.userId()).cashBalance();
        BigDecimal after = outcome.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
        SharedServers.dynamoDb().client().updateItem(update -> update.tableName(TableDefinitions.PORTFOLIOS)
                .key(Map.of(PortfolioItems.USER_ID, AttributeValue.fromS(outcome.userId())))
                .updateExpression("SET #cash = :cash ADD #version :one")
                .expressionAttributeNames(
                        Map.of("#cash", PortfolioItems.CASH_BALANCE, "#version", PortfolioItems.VERSION))
                .expressionAttributeValues(Map.of(
                        ":cash", AttributeValue.fromN(after.toPlainString()),
                        ":one", AttributeValue.fromN("1"))));
    }

    private static void awaitDecidedAndTimedOut(Scenario scenario) throws Exception {
        awaitDecided(scenario.orders);
        awaitNoOpenTransaction(scenario.config.transactionalIdPrefix());
        assertThat(ExecutionTestSupport.read(scenario.config.outcomesTopic()))
                .as("nothing committed: the transaction timed out")
                .isEmpty();
    }

    /** Triggers checkpoints until every order has its outcome, then a few more: a duplicate would show by then. */
    private static List<EventEnvelope<TradeExecutedPayload>> checkpointUntilOutcomes(JobClient job, Scenario scenario)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int after = 0;
        while (after < 5 && System.nanoTime() < deadline) {
            try {
                checkpoint(job);
            } catch (AssertionError | Exception restarting) {
                Thread.sleep(500);
            }
            long decided = ExecutionTestSupport.read(scenario.config.outcomesTopic()).stream()
                    .map(e -> e.payload().orderId())
                    .distinct()
                    .count();
            if (decided == scenario.orders.size()) {
                after++;
            }
        }
        return ExecutionTestSupport.read(scenario.config.outcomesTopic());
    }

    private static Scenario scenario(Map<String, String> extra) throws Exception {
        return published(unpublished(extra));
    }

    private static Scenario published(Scenario scenario) throws Exception {
        scenario.produce(scenario.orders);
        return scenario;
    }

    /** Users with 1000.00 each, every one with a stream of buys and sells, some of which must fail. */
    private static Scenario unpublished(Map<String, String> extra) throws Exception {
        ExecutionTestSupport.portfolios();
        String run = newRun();
        ExecutionJobConfig config = config(run, extra);
        price("RCVR", "10.00");
        Map<String, BigDecimal> opening = new HashMap<>();
        List<TradeOrderPayload> orders = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "recovery-" + run + "-" + u;
            ExecutionTestSupport.portfolios().provision(user, OPENING);
            opening.put(user, OPENING);
            List<TradeOrderPayload> stream = List.of(
                    order(user, "RCVR", Side.BUY, 30),
                    order(user, "RCVR", Side.SELL, 10),
                    order(user, "RCVR", Side.BUY, 90), // 900.00 > the 800.00 left: fails
                    order(user, "RCVR", Side.BUY, 20),
                    order(user, "RCVR", Side.SELL, 50), // more than the 40 held: fails
                    order(user, "RCVR", Side.SELL, 40));
            orders.addAll(stream);
        }
        return new Scenario(config, run, orders, opening);
    }

    private record Scenario(
            ExecutionJobConfig config, String run, List<TradeOrderPayload> orders, Map<String, BigDecimal> opening) {

        /** Runs the job on a DynamoDB client with the crash point, which fires only where a test armed it. */
        List<EventEnvelope<TradeExecutedPayload>> execute() throws Exception {
            JobClient job = start(config, "recovery-" + run, new Configuration(), new CrashingDynamoDb());
            try {
                return awaitOutcomes(config.outcomesTopic(), orders.size());
            } finally {
                job.cancel().get();
            }
        }

        /** The first (0) or second (1) half of every user's stream. */
        List<TradeOrderPayload> half(int half) {
            List<TradeOrderPayload> selected = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                if ((i % STREAM) / (STREAM / 2) == half) {
                    selected.add(orders.get(i));
                }
            }
            return selected;
        }

        /** Each user's orders in their stream's order, keyed by user as order-service publishes them. */
        void produce(List<TradeOrderPayload> batch) throws Exception {
            for (TradeOrderPayload order : batch) {
                ExecutionTestSupport.produce(config.ordersTopic(), order.userId(), ExecutionTestSupport.event(order));
            }
        }

        List<String> violations(List<EventEnvelope<TradeExecutedPayload>> events) {
            return ExecutionInvariants.violations(orders, events, opening, ExecutionTestSupport::portfolio);
        }
    }
}
