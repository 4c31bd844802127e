package com.mocktrading.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void cataloguesTheThreeTopicsWithTwelvePartitionsAtSchemaVersionOne() {
        assertThat(Topics.all())
                .extracting(Topic::name)
                .containsExactly("market_data", "trade_orders", "trade_executed");
        assertThat(Topics.all()).allSatisfy(topic -> {
            assertThat(topic.partitions()).isEqualTo(12);
            assertThat(topic.currentSchemaVersion()).isEqualTo(1);
            assertThat(topic.serde().topic()).isEqualTo(topic.name());
            assertThat(topic.serde().payloadType()).isEqualTo(topic.payloadType());
        });
    }

    @Test
    void keysMarketDataBySymbolAndTradesByUser() {
        assertThat(Topics.MARKET_DATA.keyOf(Samples.MARKET_DATA_FULL)).isEqualTo("BRK.B");
        assertThat(Topics.TRADE_ORDERS.keyOf(Samples.TRADE_ORDER_FULL)).isEqualTo("bob");
        assertThat(Topics.TRADE_EXECUTED.keyOf(Samples.TRADE_EXECUTED_FULL.payload()))
                .isEqualTo("alice");
    }

    @Test
    void newEventsCarryTheTopicsCurrentSchemaVersion() {
        var event = Topics.TRADE_ORDERS.newEvent("order-service", Samples.ORDER, Samples.FULL_TRACE);
        var derived = Topics.TRADE_EXECUTED.newEventWithId(
                "ord-1", "flink-execution-job", Samples.TRADE_EXECUTED_FULL.payload(), null);

        assertThat(event.schemaVersion()).isEqualTo(Topics.TRADE_ORDERS.currentSchemaVersion());
        assertThat(event.traceContext()).isEqualTo(Samples.FULL_TRACE);
        assertThat(derived.eventId()).isEqualTo("ord-1");
    }

    @Test
    void findsTopicsByName() {
        assertThat(Topics.byName("trade_executed")).containsSame(Topics.TRADE_EXECUTED);
        assertThat(Topics.byName("nope")).isEmpty();
    }

    @Test
    void refusesASerdeOfAnotherTopic() {
        assertThatThrownBy(() -> new Topic<>(
                        "other", 1, TradeOrderPayload.class, 1, TradeOrderPayload::userId, Topics.TRADE_ORDERS.serde()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventSerde.of("x", String.class))
                .hasMessage("no JSON schema for payload type java.lang.String");
    }

    @Test
    void derivesTheSameEventIdForAnOrderEveryTimeAsEventsAlreadyStoredCarryIt() {
        // Pinned: the stores and topics hold events with these ids, so the derivation must never change.
        assertThat(Topics.TRADE_ORDERS.eventIdOf("order-1")).isEqualTo("398aa948-51b9-3f59-95c0-a6b18c5479bc");
        assertThat(Topics.TRADE_EXECUTED.eventIdOf("order-1")).isEqualTo("6c3352d1-621e-3501-b858-e6345ffbbbd3");
    }
}
