package com.mocktrading.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventSerdeRejectionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every required field the schema files declare, for the envelope, the payload and the trace context. */
    static Stream<Arguments> requiredFieldsOfEverySchema() {
        List<Arguments> cases = new ArrayList<>();
        for (Samples.TopicSamples<?> samples : Samples.all()) {
            JsonNode schema = SchemaFiles.current(samples.topic().name());
            for (String prefix : List.of("", "payload.", "traceContext.")) {
                JsonNode object = prefix.isEmpty()
                        ? schema
                        : schema.path("properties").path(prefix.substring(0, prefix.length() - 1));
                object.path("required").forEach(field -> cases.add(Arguments.of(samples, prefix + field.textValue())));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requiredFieldsOfEverySchema")
    void rejectsEventWithoutRequiredFieldNamingTopicAndField(Samples.TopicSamples<?> samples, String path) {
        // given
        byte[] json = mutate(samples, path, (parent) -> parent.remove(leaf(path)));

        // when / then
        assertThatThrownBy(() -> samples.topic().serde().deserialize(json))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessage(samples.topic().name() + " event: missing required field '" + path + "'");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requiredFieldsOfEverySchema")
    void rejectsJsonNullInRequiredField(Samples.TopicSamples<?> samples, String path) {
        // given
        byte[] json = mutate(samples, path, (parent) -> parent.putNull(leaf(path)));

        // when / then
        assertThatThrownBy(() -> samples.topic().serde().deserialize(json))
                .isInstanceOfSatisfying(EventDeserializationException.class, e -> assertThat(e.fieldPath())
                        .contains(path))
                .hasMessage(samples.topic().name() + " event: missing required field '" + path + "'");
    }

    @Test
    void rejectsMoneyGivenAsJsonNumber() {
        // given
        byte[] json = marketData(payload -> payload.put("price", 123.45));

        // when / then
        assertThatThrownBy(() -> Topics.MARKET_DATA.serde().deserialize(json))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessage("market_data event: field 'payload.price' must be a plain decimal string such as"
                        + " \"123.45\", was a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12,5", "1e5", "-1.00", "+1", ".5", "5.", "NaN", " 1"})
    void rejectsMalformedDecimalString(String price) {
        // given
        byte[] json = marketData(payload -> payload.put("price", price));

        // when / then
        assertThatThrownBy(() -> Topics.MARKET_DATA.serde().deserialize(json))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageStartingWith("market_data event: field 'payload.price' must be a plain decimal string");
    }

    @Test
    void rejectsZeroPriceNamingTheBrokenInvariant() {
        // given
        byte[] json = marketData(payload -> payload.put("price", "0.00"));

        // when / then
        assertThatThrownBy(() -> Topics.MARKET_DATA.serde().deserialize(json))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessage("market_data event: invalid 'payload': price must be > 0, was 0.00");
    }

    @Test
    void rejectsExecutedTradeWithoutPriceAsMissingField() {
        // given
        byte[] json =
                mutate(samplesOf(Topics.TRADE_EXECUTED), "payload.executionPrice", p -> p.remove("executionPrice"));

        // when / then
        assertThatThrownBy(() -> Topics.TRADE_EXECUTED.serde().deserialize(json))
                .hasMessage("trade_executed event: missing required field 'payload.executionPrice'");
    }

    @Test
    void rejectsFailedTradeCarryingAPrice() {
        // given
        byte[] json = mutate(
                samplesOf(Topics.TRADE_EXECUTED), "payload.status", p -> p.put("status", "FAILED_INSUFFICIENT_FUNDS"));

        // when / then
        assertThatThrownBy(() -> Topics.TRADE_EXECUTED.serde().deserialize(json))
                .hasMessage("trade_executed event: invalid 'payload': executionPrice must be absent when status is"
                        + " FAILED_INSUFFICIENT_FUNDS");
    }

    @Test
    void rejectsQuantityThatIsNotAJsonInteger() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("quantity", "10"))))
                .hasMessage("trade_orders event: field 'payload.quantity' must be an integer, was a string");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("quantity", 1.5))))
                .hasMessage("trade_orders event: field 'payload.quantity' must be an integer, was a number");
    }

    @Test
    void coercesNothingIntoAField() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("orderId", 42))))
                .hasMessage("trade_orders event: field 'payload.orderId' must be a string, was a number");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("quantity", true))))
                .hasMessage("trade_orders event: field 'payload.quantity' must be an integer, was a boolean");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("side", 0))))
                .hasMessage("trade_orders event: field 'payload.side' must be a string, was a number");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.putObject("userId")
                        .put("id", "u-1"))))
                .hasMessage("trade_orders event: field 'payload.userId' must be a string, was an object");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS
                        .serde()
                        .deserialize(tradeOrder(p -> p.put("orderTimestamp", 1764000000000L))))
                .hasMessage("trade_orders event: field 'payload.orderTimestamp' must be a string, was a number");
    }

    @Test
    void takesANullOptionalFieldForAnAbsentOne() {
        byte[] json = mutate(samplesOf(Topics.TRADE_ORDERS), "traceContext", e -> e.putNull("traceContext"));

        assertThat(Topics.TRADE_ORDERS.serde().deserialize(json).traceContext()).isNull();
    }

    @Test
    void rejectsATraceContextWithoutItsRequiredTraceparent() {
        byte[] json = mutate(samplesOf(Topics.TRADE_ORDERS), "traceContext", e -> e.putObject("traceContext")
                .put("tracestate", "x"));

        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(json))
                .hasMessage("trade_orders event: missing required field 'traceContext.traceparent'");
    }

    @Test
    void rejectsZeroQuantity() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("quantity", 0))))
                .hasMessage("trade_orders event: invalid 'payload': quantity must be >= 1, was 0");
    }

    @Test
    void rejectsUnknownEnumValueListingTheKnownOnes() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("side", "HOLD"))))
                .hasMessage("trade_orders event: field 'payload.side' must be one of [BUY, SELL], was \"HOLD\"");
    }

    @Test
    void rejectsUnreadableTimestamp() {
        assertThatThrownBy(() ->
                        Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("orderTimestamp", "yesterday"))))
                .hasMessage(
                        "trade_orders event: field 'payload.orderTimestamp' must be an ISO-8601 instant, was \"yesterday\"");
    }

    @Test
    void rejectsInvalidSymbol() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(tradeOrder(p -> p.put("symbol", "aapl"))))
                .hasMessage(
                        "trade_orders event: invalid 'payload': symbol must be 1-10 characters of [A-Z0-9.], was 'aapl'");
    }

    @Test
    void rejectsBlankEventIdAndNonPositiveSchemaVersionAtEnvelopeLevel() {
        byte[] blankId = mutate(samplesOf(Topics.TRADE_ORDERS), "eventId", e -> e.put("eventId", " "));
        byte[] version0 = mutate(samplesOf(Topics.TRADE_ORDERS), "schemaVersion", e -> e.put("schemaVersion", 0));

        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(blankId))
                .hasMessage("trade_orders event: invalid event: eventId must not be blank");
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(version0))
                .hasMessage("trade_orders event: invalid event: schemaVersion must be >= 1, was 0");
    }

    @Test
    void rejectsPayloadThatIsNotAnObject() {
        byte[] json = mutate(samplesOf(Topics.TRADE_ORDERS), "payload", e -> e.put("payload", "ord-1"));

        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(json))
                .hasMessage("trade_orders event: field 'payload' must be an object, was a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\":", "[1,2]", "\"text\"", "{\"eventId\":\"a\",\"eventId\":\"b\"}", "{} {}"})
    void rejectsRecordsThatAreNotOneJsonObject(String json) {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(json.getBytes(UTF_8)))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessageStartingWith("trade_orders event: ")
                .satisfies(e -> assertThat(((EventDeserializationException) e).fieldPath())
                        .isEmpty());
    }

    @Test
    void rejectsEmptyRecord() {
        assertThatThrownBy(() -> Topics.TRADE_ORDERS.serde().deserialize(new byte[0]))
                .hasMessage("trade_orders event: empty record");
    }

    private static byte[] marketData(Consumer<ObjectNode> payloadChange) {
        return mutate(samplesOf(Topics.MARKET_DATA), "payload.x", payloadChange);
    }

    private static byte[] tradeOrder(Consumer<ObjectNode> payloadChange) {
        return mutate(samplesOf(Topics.TRADE_ORDERS), "payload.x", payloadChange);
    }

    private static Samples.TopicSamples<?> samplesOf(Topic<?> topic) {
        return Samples.all().stream()
                .filter(s -> s.topic() == topic)
                .findFirst()
                .orElseThrow();
    }

    /** Serializes the topic's richest sample, applies {@code change} to the object holding {@code path}. */
    private static <P> byte[] mutate(Samples.TopicSamples<P> samples, String path, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(samples.serialize(samples.richest()));
            ObjectNode parent = path.contains(".") ? (ObjectNode) root.get(path.substring(0, path.indexOf('.'))) : root;
            change.accept(parent);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
