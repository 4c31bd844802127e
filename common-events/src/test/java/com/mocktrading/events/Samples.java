package com.mocktrading.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Fixed sample events; the first of each topic carries only required fields. */
final class Samples {

    static final Instant EVENT_TIME = Instant.parse("2026-11-24T03:00:00.123Z");
    static final TraceContext FULL_TRACE =
            new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");

    static final EventEnvelope<MarketDataPayload> MARKET_DATA_MINIMAL = event(
            "md-1", "price-simulator", new MarketDataPayload("AAPL", new BigDecimal("123.4567"), EVENT_TIME), null);
    static final EventEnvelope<MarketDataPayload> MARKET_DATA_FULL = event(
            "md-2",
            "price-simulator",
            new MarketDataPayload("BRK.B", new BigDecimal("1E+2"), Instant.parse("2026-11-24T03:00:01Z")),
            FULL_TRACE);

    static final TradeOrderPayload ORDER =
            new TradeOrderPayload("ord-1", "alice", "AAPL", 10, Side.BUY, Instant.parse("2026-11-24T02:59:59.999Z"));
    static final EventEnvelope<TradeOrderPayload> TRADE_ORDER_MINIMAL = event("to-1", "order-service", ORDER, null);
    static final EventEnvelope<TradeOrderPayload> TRADE_ORDER_FULL = event(
            "to-2",
            "order-service",
            new TradeOrderPayload("ord-2", "bob", "MSFT", 3, Side.SELL, EVENT_TIME),
            FULL_TRACE);
    static final EventEnvelope<TradeOrderPayload> TRADE_ORDER_TRACEPARENT_ONLY = event(
            "to-3", "order-service", ORDER, TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

    static final EventEnvelope<TradeExecutedPayload> TRADE_FAILED_MINIMAL = event(
            "te-1",
            "flink-execution-job",
            new TradeExecutedPayload(
                    "ord-1",
                    "alice",
                    "AAPL",
                    10,
                    Side.BUY,
                    ExecutionStatus.FAILED_PRICE_UNAVAILABLE,
                    null,
                    EVENT_TIME,
                    null),
            null);
    static final EventEnvelope<TradeExecutedPayload> TRADE_EXECUTED_FULL = event(
            "te-2",
            "flink-execution-job",
            TradeExecutedPayload.executed(ORDER, new BigDecimal("123.4500"), EVENT_TIME),
            FULL_TRACE);
    static final EventEnvelope<TradeExecutedPayload> TRADE_FAILED_WITH_REASON = event(
            "te-3",
            "flink-execution-job",
            TradeExecutedPayload.failed(
                    ORDER, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, EVENT_TIME, "cash 5.00 < 1234.50"),
            null);

    private Samples() {}

    /** A topic with its samples, the first minimal, the last the one with most optional fields. */
    record TopicSamples<P>(Topic<P> topic, List<EventEnvelope<P>> events) {
        EventEnvelope<P> minimal() {
            return events.get(0);
        }

        EventEnvelope<P> richest() {
            return events.get(events.size() - 1);
        }

        byte[] serialize(EventEnvelope<P> event) {
            return topic.serde().serialize(event);
        }

        @Override
        public String toString() {
            return topic.name();
        }
    }

    static List<TopicSamples<?>> all() {
        return List.of(
                new TopicSamples<>(Topics.MARKET_DATA, List.of(MARKET_DATA_MINIMAL, MARKET_DATA_FULL)),
                new TopicSamples<>(
                        Topics.TRADE_ORDERS,
                        List.of(TRADE_ORDER_MINIMAL, TRADE_ORDER_TRACEPARENT_ONLY, TRADE_ORDER_FULL)),
                new TopicSamples<>(
                        Topics.TRADE_EXECUTED,
                        List.of(TRADE_FAILED_MINIMAL, TRADE_FAILED_WITH_REASON, TRADE_EXECUTED_FULL)));
    }

    private static <P> EventEnvelope<P> event(String id, String source, P payload, TraceContext trace) {
        return new EventEnvelope<>(id, EVENT_TIME, source, 1, payload, trace);
    }
}
