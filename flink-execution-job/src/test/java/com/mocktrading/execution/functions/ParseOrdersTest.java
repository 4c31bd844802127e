package com.mocktrading.execution.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.records.DeadLetter;
import com.mocktrading.execution.records.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parsing / dead-letter split, in Flink's process-function harness. */
class ParseOrdersTest {

    private OneInputStreamOperatorTestHarness<RawRecord, EventEnvelope<TradeOrderPayload>> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new ParseOrders());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aValidOrderPassesOnAsTheEventItself() throws Exception {
        EventEnvelope<TradeOrderPayload> order = order("order-1", "user-1");

        harness.processElement(raw(Topics.TRADE_ORDERS.serde().serialize(order)), 0);

        assertThat(harness.extractOutputValues()).containsExactly(order);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void theTraceContextHeaderOfThePublishingSpanIsTheParentTheOrderCarriesOn() throws Exception {
        EventEnvelope<TradeOrderPayload> order = order("order-1", "user-1")
                .withTraceContext(TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        byte[] value = Topics.TRADE_ORDERS.serde().serialize(order);
        String published = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";

        harness.processElement(new RawRecord(key(), value, published, "congo=t61rcWkgMzE"), 0);
        harness.processElement(raw(value), 0);

        assertThat(harness.extractOutputValues())
                .extracting(EventEnvelope::traceContext)
                .containsExactly(new TraceContext(published, "congo=t61rcWkgMzE"), order.traceContext());
    }

    @Test
    void poisonGoesToTheDeadLettersWithItsBytesAndWhyAndTheNextOrderStillPasses() throws Exception {
        byte[] notJson = "not an event".getBytes(StandardCharsets.UTF_8);
        byte[] badOrderId = Topics.TRADE_ORDERS.serde().serialize(order("order#1", "user-1"));
        byte[] badUserId = Topics.TRADE_ORDERS.serde().serialize(order("order-2", "user 1"));
        EventEnvelope<TradeOrderPayload> valid = order("order-3", "user-1");

        harness.processElement(raw(notJson), 0);
        harness.processElement(raw(badOrderId), 0);
        harness.processElement(raw(badUserId), 0);
        harness.processElement(raw(Topics.TRADE_ORDERS.serde().serialize(valid)), 0);

        assertThat(harness.extractOutputValues()).containsExactly(valid);
        assertThat(deadLetters()).extracting(DeadLetter::value).containsExactly(notJson, badOrderId, badUserId);
        assertThat(deadLetters())
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).isNotBlank(),
                        reason -> assertThat(reason).contains("orderId"),
                        reason -> assertThat(reason).contains("userId"));
        assertThat(deadLetters()).allSatisfy(letter -> assertThat(letter.key()).isEqualTo(key()));
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(ParseOrders.DEAD_LETTERS) == null
                ? List.of()
                : harness.getSideOutput(ParseOrders.DEAD_LETTERS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
    }

    private static RawRecord raw(byte[] value) {
        return new RawRecord(key(), value, null, null);
    }

    private static byte[] key() {
        return "user-1".getBytes(StandardCharsets.UTF_8);
    }

    private static EventEnvelope<TradeOrderPayload> order(String orderId, String userId) {
        return Topics.TRADE_ORDERS.newEventWithId(
                Topics.TRADE_ORDERS.eventIdOf("o"),
                "order-service",
                new TradeOrderPayload(orderId, userId, "ACME", 5, Side.BUY, Instant.parse("2026-11-30T12:00:00Z")),
                null);
    }
}
