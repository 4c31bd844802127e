package com.mocktrading.execution;

import static com.mocktrading.execution.support.ExecutionTestSupport.awaitOutcomes;
import static com.mocktrading.execution.support.ExecutionTestSupport.config;
import static com.mocktrading.execution.support.ExecutionTestSupport.newRun;
import static com.mocktrading.execution.support.ExecutionTestSupport.order;
import static com.mocktrading.execution.support.ExecutionTestSupport.price;
import static com.mocktrading.execution.support.ExecutionTestSupport.produce;
import static com.mocktrading.execution.support.ExecutionTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.functions.CrashPoints;
import com.mocktrading.execution.functions.OutcomeEvents;
import com.mocktrading.execution.support.ExecutionInvariants;
import com.mocktrading.execution.support.ExecutionTestSupport;
import com.mocktrading.localstack.SharedServers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash and recover: the job dies right after a DynamoDB commit, before the checkpoint that would have
 * committed the outcome to Kafka, mid-way through many users' concurrent order streams. Afterwards every
 * invariant holds; and with the once-only condition switched off the same run is caught by the checker.
 */
class ExecutionRecoveryIntegrationTest {

    private static final int USERS = 12;
    private static final BigDecimal OPENING = new BigDecimal("1000.00");

    @AfterEach
    void disarm() {
        CrashPoints.disarm();
    }

    @Test
    void aCrashAfterTheDynamoDbCommitReplaysToExactlyOneIdenticalOutcomePerOrder() throws Exception {
        Scenario scenario = scenario(Map.of());
        TradeOrderPayload victim = scenario.orders.get(scenario.orders.size() / 2);
        CrashPoints.armAfterCommit(victim.orderId()::equals);

        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();

        assertThat(CrashPoints.isArmed()).as("the crash point fired").isFalse();
        assertThat(scenario.violations(events)).isEmpty();
        EventEnvelope<TradeExecutedPayload> replayed = events.stream()
                .filter(e -> e.payload().orderId().equals(victim.orderId()))
                .findFirst()
                .orElseThrow();
        OrderRecord stored = new OrderStore(SharedServers.dynamoDb().client(), TableDefinitions.ORDERS)
                .find(victim.orderId())
                .orElseThrow();
        assertThat(replayed.eventId()).isEqualTo(OutcomeEvents.eventIdOf(victim.orderId()));
        assertThat(replayed.eventTimestamp()).isEqualTo(stored.executedAt());
        assertThat(replayed.payload().status().name()).isEqualTo(stored.status().name());
    }

    @Test
    void aTaskFailureMidStreamLosesAndDuplicatesNothing() throws Exception {
        Scenario scenario = scenario(Map.of());
        AtomicInteger seen = new AtomicInteger();
        CrashPoints.armAfterCommit(orderId -> seen.incrementAndGet() == scenario.orders.size() / 3);

        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();

        assertThat(CrashPoints.isArmed()).isFalse();
        assertThat(scenario.violations(events)).isEmpty();
    }

    @Test
    void theCheckerCatchesDoubleExecutionWhenTheOnceConditionIsSwitchedOff() throws Exception {
        Scenario scenario = scenario(Map.of("execute-once", "false"));
        TradeOrderPayload victim = scenario.orders.get(scenario.orders.size() / 2);
        CrashPoints.armAfterCommit(victim.orderId()::equals);

        List<EventEnvelope<TradeExecutedPayload>> events = scenario.execute();

        assertThat(CrashPoints.isArmed()).isFalse();
        assertThat(scenario.violations(events)).anySatisfy(v -> assertThat(v).contains(victim.userId()));
    }

    /** Users with 1000.00 each, every one with a stream of buys and sells, some of which must fail. */
    private static Scenario scenario(Map<String, String> extra) throws Exception {
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
            produce(
                    config.ordersTopic(),
                    user,
                    stream.stream().map(ExecutionTestSupport::event).toArray(byte[][]::new));
        }
        return new Scenario(config, run, orders, opening);
    }

    private record Scenario(
            ExecutionJobConfig config, String run, List<TradeOrderPayload> orders, Map<String, BigDecimal> opening) {

        List<EventEnvelope<TradeExecutedPayload>> execute() throws Exception {
            JobClient job = start(config, "recovery-" + run);
            try {
                return awaitOutcomes(config.outcomesTopic(), orders.size());
            } finally {
                job.cancel().get();
            }
        }

        List<String> violations(List<EventEnvelope<TradeExecutedPayload>> events) {
            return ExecutionInvariants.violations(orders, events, opening, ExecutionTestSupport::portfolio);
        }
    }
}
