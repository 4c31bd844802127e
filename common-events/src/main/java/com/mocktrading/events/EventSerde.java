package com.mocktrading.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * JSON serde for the events of one topic: the records bound by Jackson with the contract's wire conventions
 * ({@link JsonWire}), the required fields as the topic's JSON Schema declares them ({@link RequiredFields}), every
 * problem an {@link EventDeserializationException} naming the field. Thread-safe. Serializable because Flink ships
 * it inside operators: it holds only the topic name and payload type, and binds again after deserialization.
 */
public final class EventSerde<P> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The payload types of the catalogue, each with the schema file its events follow. */
    private static final Map<Class<?>, String> SCHEMAS = Map.of(
            MarketDataPayload.class, "market_data",
            TradeOrderPayload.class, "trade_orders",
            TradeExecutedPayload.class, "trade_executed");

    private final String topic;
    private final Class<P> payloadType;
    private final transient ObjectReader reader;
    private final transient RequiredFields required;

    private EventSerde(String topic, Class<P> payloadType) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        String schema = SCHEMAS.get(payloadType);
        if (schema == null) {
            throw new IllegalArgumentException("no JSON schema for payload type " + payloadType.getName());
        }
        this.required = RequiredFields.ofSchema(schema);
        this.reader = JsonWire.MAPPER.readerFor(
                JsonWire.MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType));
    }

    /**
     * @throws IllegalArgumentException if {@code payloadType} is not one of the catalogue's payloads
     */
    public static <P> EventSerde<P> of(String topic, Class<P> payloadType) {
        return new EventSerde<>(topic, payloadType);
    }

    public String topic() {
        return topic;
    }

    public Class<P> payloadType() {
        return payloadType;
    }

    public byte[] serialize(EventEnvelope<P> event) {
        payloadType.cast(event.payload());
        try {
            return JsonWire.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // Cannot happen for records of strings and numbers; not a caller's problem if it does.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws EventDeserializationException if the bytes are not a valid event of this topic
     */
    public EventEnvelope<P> deserialize(byte[] bytes) {
        JsonNode event = parse(bytes);
        if (!event.isObject()) {
            throw new EventDeserializationException(
                    topic, null, "expected a JSON object, was " + EventReadFailure.kind(event), null);
        }
        required.check(topic, event);
        try {
            return reader.readValue(event);
        } catch (DatabindException e) {
            throw EventReadFailure.of(topic, e, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventDeserializationException(topic, null, "empty record", null);
        }
        try {
            return JsonWire.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new EventDeserializationException(topic, null, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object readResolve() {
        return new EventSerde<>(topic, payloadType);
    }

    @Override
    public String toString() {
        return "EventSerde[" + topic + ", " + payloadType.getSimpleName() + "]";
    }
}
