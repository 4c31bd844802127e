package com.mocktrading.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The wire conventions of the contract, as one Jackson mapper that binds the event records: money as plain decimal
 * strings (never a JSON number, which a parser may hold as a double), millisecond UTC timestamps, absent rather than
 * null optional fields, and nothing coerced (a string is not an integer, 1.5 is not a quantity).
 */
final class JsonWire {

    /** Same expression as the {@code pattern} of money fields in the JSON Schemas. */
    static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * One mapper for the whole JVM: it is thread-safe once configured, and keeping it static keeps
     * {@link EventSerde} serializable for Flink.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two values for one field would let consumers disagree about which one counts.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Jackson turns any scalar into a string unless told not to: a number is not an id.
            .withCoercionConfig(
                    LogicalType.Textual, strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // A field a newer producer added is ignored, which is what keeps old consumers reading new events.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("mocktrading-wire")
                    .addSerializer(Instant.class, new MillisInstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer())
                    .addSerializer(BigDecimal.class, new PlainDecimalSerializer())
                    .addDeserializer(BigDecimal.class, new PlainDecimalDeserializer()))
            .build();

    private JsonWire() {}

    static String format(Instant instant) {
        return MILLIS_UTC.format(instant);
    }

    /** Lenient on purpose: any ISO-8601 instant or offset date-time, so other producers' clocks are readable. */
    static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /**
     * A value of the right JSON type whose text the contract does not allow; the message is the field's problem,
     * the field's path is added by {@link EventReadFailure}.
     */
    static final class WireValueException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        WireValueException(JsonParser parser, String problem, Class<?> target) {
            super(parser, problem, target);
        }
    }

    private static final class MillisInstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw new WireValueException(in, "must be a string, was " + EventReadFailure.kind(in), Instant.class);
            }
            String text = in.getText();
            try {
                return parseInstant(text);
            } catch (DateTimeException e) {
                throw new WireValueException(
                        in, "must be an ISO-8601 instant, was " + EventReadFailure.quote(text), Instant.class);
            }
        }
    }

    private static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toPlainString());
        }
    }

    private static final class PlainDecimalDeserializer extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser in, DeserializationContext context) throws IOException {
            boolean text = in.currentToken() == JsonToken.VALUE_STRING;
            if (!text || !DECIMAL.matcher(in.getText()).matches()) {
                String was = text ? EventReadFailure.quote(in.getText()) : EventReadFailure.kind(in);
                throw new WireValueException(
                        in, "must be a plain decimal string such as \"123.45\", was " + was, BigDecimal.class);
            }
            return new BigDecimal(in.getText());
        }
    }
}
