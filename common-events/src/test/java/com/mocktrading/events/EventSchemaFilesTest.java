package com.mocktrading.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the checked-in JSON Schemas and the serde describing the same wire format. */
class EventSchemaFilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Stream<Arguments> everySample() {
        return Samples.all().stream()
                .flatMap(samples -> samples.events().stream().map(event -> Arguments.of(samples, event)));
    }

    static List<Samples.TopicSamples<?>> everyTopic() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everySample")
    <P> void serializedSampleValidatesAgainstItsSchema(Samples.TopicSamples<P> samples, EventEnvelope<P> event) {
        // given
        JsonNode json = tree(samples.serialize(event));

        // when
        Set<ValidationMessage> errors = schemaOf(samples).validate(json);

        // then
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopic")
    void everyTopicHasASchemaFile(Samples.TopicSamples<?> samples) {
        assertThat(SchemaFiles.current(samples.topic().name()).path("title").textValue())
                .isEqualTo(samples.topic().name() + " event");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopic")
    <P> void requiredListsMatchWhatTheSerdeAlwaysWrites(Samples.TopicSamples<P> samples) {
        // given
        JsonNode schema = SchemaFiles.current(samples.topic().name());
        JsonNode minimal = tree(samples.serialize(samples.minimal()));

        // then the minimal sample writes exactly the required fields
        assertThat(names(minimal)).isEqualTo(strings(schema.path("required")));
        assertThat(names(minimal.path("payload")))
                .isEqualTo(strings(schema.path("properties").path("payload").path("required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyTopic")
    <P> void declaredPropertiesMatchWhatTheSerdeCanWrite(Samples.TopicSamples<P> samples) {
        // given
        JsonNode schema = SchemaFiles.current(samples.topic().name());
        Set<String> written = new HashSet<>();
        for (EventEnvelope<P> event : samples.events()) {
            JsonNode json = tree(samples.serialize(event));
            written.addAll(names(json));
            names(json.path("payload")).forEach(name -> written.add("payload." + name));
            names(json.path("traceContext")).forEach(name -> written.add("traceContext." + name));
        }

        // then
        Set<String> declared = new HashSet<>(names(schema.path("properties")));
        for (String nested : List.of("payload", "traceContext")) {
            names(schema.path("properties").path(nested).path("properties"))
                    .forEach(name -> declared.add(nested + "." + name));
        }
        assertThat(written).isEqualTo(declared);
    }

    @Test
    void schemaRejectsMoneyAsJsonNumber() {
        assertThat(validateMutated(Samples.MARKET_DATA_MINIMAL, Topics.MARKET_DATA, p -> p.put("price", 123.45)))
                .isNotEmpty();
    }

    @Test
    void schemaRejectsTimestampWithoutMilliseconds() {
        assertThat(validateMutated(
                        Samples.MARKET_DATA_MINIMAL,
                        Topics.MARKET_DATA,
                        p -> p.put("feedTimestamp", "2026-11-24T03:00:00Z")))
                .isNotEmpty();
    }

    @Test
    void schemaRequiresPriceExactlyForExecutedTrades() {
        assertThat(validateMutated(Samples.TRADE_EXECUTED_FULL, Topics.TRADE_EXECUTED, p -> p.remove("executionPrice")))
                .isNotEmpty();
        assertThat(validateMutated(
                        Samples.TRADE_FAILED_MINIMAL, Topics.TRADE_EXECUTED, p -> p.put("executionPrice", "1")))
                .isNotEmpty();
    }

    private static <P> Set<ValidationMessage> validateMutated(
            EventEnvelope<P> event, Topic<P> topic, Consumer<ObjectNode> payloadChange) {
        ObjectNode json = (ObjectNode) tree(topic.serde().serialize(event));
        payloadChange.accept((ObjectNode) json.get("payload"));
        return FACTORY.getSchema(SchemaFiles.current(topic.name()), CONFIG).validate(json);
    }

    private static JsonSchema schemaOf(Samples.TopicSamples<?> samples) {
        return FACTORY.getSchema(SchemaFiles.current(samples.topic().name()), CONFIG);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }
}
