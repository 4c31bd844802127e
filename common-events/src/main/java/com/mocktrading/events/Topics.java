package com.mocktrading.events;

import java.util.List;
import java.util.Optional;

/** The catalogue of the system's Kafka topics: the single place their names, keys and formats are defined. */
public final class Topics {

    /** Partitions per topic; the unit of consumer parallelism, and fixed because keys hash onto it. */
    public static final int PARTITIONS = 12;

    /** Keyed by symbol so every tick of one symbol stays in order. */
    public static final Topic<MarketDataPayload> MARKET_DATA =
            Topic.of("market_data", PARTITIONS, MarketDataPayload.class, 1, MarketDataPayload::symbol);

    /** Keyed by userId so one user's orders execute in order against one portfolio. */
    public static final Topic<TradeOrderPayload> TRADE_ORDERS =
            Topic.of("trade_orders", PARTITIONS, TradeOrderPayload.class, 1, TradeOrderPayload::userId);

    /** Keyed by userId so one user's portfolio updates are applied in order. */
    public static final Topic<TradeExecutedPayload> TRADE_EXECUTED =
            Topic.of("trade_executed", PARTITIONS, TradeExecutedPayload.class, 1, TradeExecutedPayload::userId);

    private static final List<Topic<?>> ALL = List.of(MARKET_DATA, TRADE_ORDERS, TRADE_EXECUTED);

    /**
     * Where the execution job puts trade_orders records it cannot process (unparseable or invalid), with the
     * reason in a header, so that a poison message never blocks its partition. Not an event topic: records
     * keep their original bytes.
     */
    public static final String TRADE_ORDERS_DEAD_LETTERS = "trade_orders.dlq";

    /**
     * Where the persistence job puts trade_executed records that a store can never take (malformed, or refused
     * for good, such as a mapping conflict), with the reason and the pipeline in headers, so that one such record
     * never stops anyone else's history.
     */
    public static final String TRADE_EXECUTED_DEAD_LETTERS = "trade_executed.dlq";

    private Topics() {}

    public static List<Topic<?>> all() {
        return ALL;
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
