package com.mocktrading.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventSerdeRoundTripTest {

    static Stream<Arguments> everySample() {
        return Samples.all().stream()
                .flatMap(samples -> samples.events().stream().map(event -> Arguments.of(samples.topic(), event)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everySample")
    <P> void roundTripYieldsAnEqualEvent(Topic<P> topic, EventEnvelope<P> event) {
        // given
        EventSerde<P> serde = topic.serde();

        // when
        EventEnvelope<P> back = serde.deserialize(serde.serialize(event));

        // then
        assertThat(back).isEqualTo(event);
    }

    @Test
    void writesMarketDataWithPriceAsPlainStringAndMillisecondTimestamps() {
        // given a price of 1E+2 and a feed time on a whole second
        var event = Samples.MARKET_DATA_FULL;

        // when
        String json = new String(Topics.MARKET_DATA.serde().serialize(event), UTF_8);

        // then
        assertThat(json)
                .isEqualTo("{\"eventId\":\"md-2\",\"eventTimestamp\":\"2026-11-24T03:00:00.123Z\","
                        + "\"sourceService\":\"price-simulator\",\"schemaVersion\":1,"
                        + "\"payload\":{\"symbol\":\"BRK.B\",\"price\":\"100\",\"feedTimestamp\":\"2026-11-24T03:00:01.000Z\"},"
                        + "\"traceContext\":{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                        + "\"tracestate\":\"congo=t61rcWkgMzE\"}}");
    }

    @Test
    void writesTradeOrderWithQuantityAsIntegerAndOmitsAbsentTraceContext() {
        // given
        var event = Samples.TRADE_ORDER_MINIMAL;

        // when
        String json = new String(Topics.TRADE_ORDERS.serde().serialize(event), UTF_8);

        // then
        assertThat(json)
                .isEqualTo("{\"eventId\":\"to-1\",\"eventTimestamp\":\"2026-11-24T03:00:00.123Z\","
                        + "\"sourceService\":\"order-service\",\"schemaVersion\":1,"
                        + "\"payload\":{\"orderId\":\"ord-1\",\"userId\":\"alice\",\"symbol\":\"AAPL\",\"quantity\":10,"
                        + "\"side\":\"BUY\",\"orderTimestamp\":\"2026-11-24T02:59:59.999Z\"}}");
    }

    @Test
    void writesExecutedTradeWithPriceKeepingItsScaleAndOmitsAbsentFailureReason() {
        // given
        var event = Samples.TRADE_EXECUTED_FULL;

        // when
        String json = new String(Topics.TRADE_EXECUTED.serde().serialize(event), UTF_8);

        // then
        assertThat(json)
                .isEqualTo("{\"eventId\":\"te-2\",\"eventTimestamp\":\"2026-11-24T03:00:00.123Z\","
                        + "\"sourceService\":\"flink-execution-job\",\"schemaVersion\":1,"
                        + "\"payload\":{\"orderId\":\"ord-1\",\"userId\":\"alice\",\"symbol\":\"AAPL\",\"quantity\":10,"
                        + "\"side\":\"BUY\",\"status\":\"EXECUTED\",\"executionPrice\":\"123.4500\","
                        + "\"executionTimestamp\":\"2026-11-24T03:00:00.123Z\"},"
                        + "\"traceContext\":{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                        + "\"tracestate\":\"congo=t61rcWkgMzE\"}}");
    }

    @Test
    void writesPricesWithoutExponent() {
        // given a price whose BigDecimal.toString() would use an exponent
        var payload = new MarketDataPayload("BIG", new BigDecimal("1.5E+3"), Samples.EVENT_TIME);
        var event = new EventEnvelope<>("md-3", Samples.EVENT_TIME, "price-simulator", 1, payload, null);

        // when
        String json = new String(Topics.MARKET_DATA.serde().serialize(event), UTF_8);

        // then
        assertThat(json).contains("\"price\":\"1500\"");
    }

    @Test
    void ignoresUnknownFieldsInEnvelopePayloadAndTraceContext() {
        // given an event from a newer producer
        String json =
                "{\"eventId\":\"to-1\",\"eventTimestamp\":\"2026-11-24T03:00:00.123Z\",\"newTopLevel\":{\"a\":[1]},"
                        + "\"sourceService\":\"order-service\",\"schemaVersion\":2,"
                        + "\"payload\":{\"orderId\":\"ord-1\",\"userId\":\"alice\",\"symbol\":\"AAPL\",\"quantity\":10,"
                        + "\"side\":\"BUY\",\"orderTimestamp\":\"2026-11-24T02:59:59.999Z\",\"limitPrice\":\"120.00\"},"
                        + "\"traceContext\":{\"traceparent\":\"00-abc-def-01\",\"baggage\":\"k=v\"}}";

        // when
        var event = Topics.TRADE_ORDERS.serde().deserialize(json.getBytes(UTF_8));

        // then
        assertThat(event.payload()).isEqualTo(Samples.ORDER);
        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.traceContext()).isEqualTo(TraceContext.of("00-abc-def-01"));
    }

    @Test
    void treatsJsonNullInOptionalFieldsAsAbsent() {
        // given
        String json = "{\"eventId\":\"te-1\",\"eventTimestamp\":\"2026-11-24T03:00:00.123Z\","
                + "\"sourceService\":\"flink-execution-job\",\"schemaVersion\":1,\"traceContext\":null,"
                + "\"payload\":{\"orderId\":\"ord-1\",\"userId\":\"alice\",\"symbol\":\"AAPL\",\"quantity\":10,"
                + "\"side\":\"BUY\",\"status\":\"FAILED_PRICE_UNAVAILABLE\",\"executionPrice\":null,"
                + "\"executionTimestamp\":\"2026-11-24T03:00:00.123Z\",\"failureReason\":null}}";

        // when
        var event = Topics.TRADE_EXECUTED.serde().deserialize(json.getBytes(UTF_8));

        // then
        assertThat(event).isEqualTo(Samples.TRADE_FAILED_MINIMAL);
    }

    @Test
    void readsAnyIsoInstantAndKeepsMilliseconds() {
        // given timestamps without millis, with micros and with an offset
        String json = "{\"eventId\":\"md-1\",\"eventTimestamp\":\"2026-11-24T04:00:00.123456+01:00\","
                + "\"sourceService\":\"price-simulator\",\"schemaVersion\":1,"
                + "\"payload\":{\"symbol\":\"AAPL\",\"price\":\"123.4567\",\"feedTimestamp\":\"2026-11-24T03:00:00Z\"}}";

        // when
        var event = Topics.MARKET_DATA.serde().deserialize(json.getBytes(UTF_8));

        // then
        assertThat(event.eventTimestamp()).isEqualTo(Instant.parse("2026-11-24T03:00:00.123Z"));
        assertThat(event.payload().feedTimestamp()).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
    }

    @Test
    void serdeStillWorksAfterJavaSerializationAsFlinkShipsIt() throws IOException, ClassNotFoundException {
        // given
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(Topics.TRADE_EXECUTED);
        }

        // when
        Topic<?> copy;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Topic<?>) in.readObject();
        }

        // then
        assertThat(copy.name()).isEqualTo("trade_executed");
        assertThat(copy.serde().deserialize(Topics.TRADE_EXECUTED.serde().serialize(Samples.TRADE_EXECUTED_FULL)))
                .isEqualTo(Samples.TRADE_EXECUTED_FULL);
    }
}
