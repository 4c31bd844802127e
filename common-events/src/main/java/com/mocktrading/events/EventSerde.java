package com.mocktrading.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * JSON serde for the events of one topic. Thread-safe. Serializable because Flink ships it inside
 * operators: it holds only the topic name and payload type, and finds its codec again after
 * deserialization.
 */
public final class EventSerde<P> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final Class<P> payloadType;
    private final transient PayloadCodec<P> codec;

    private EventSerde(String topic, Class<P> payloadType) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.codec = PayloadCodecs.forType(payloadType);
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
        ObjectNode root = JsonWire.MAPPER.createObjectNode();
        root.put("eventId", event.eventId());
        root.put("eventTimestamp", JsonWire.format(event.eventTimestamp()));
        root.put("sourceService", event.sourceService());
        root.put("schemaVersion", event.schemaVersion());
        codec.write(payloadType.cast(event.payload()), root.putObject("payload"));
        TraceContext trace = event.traceContext();
        if (trace != null) {
            ObjectNode traceNode = root.putObject("traceContext");
            traceNode.put("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                traceNode.put("tracestate", trace.tracestate());
            }
        }
        try {
            return JsonWire.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            // Cannot happen for a tree of strings and numbers; not a caller's problem if it does.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws EventDeserializationException if the bytes are not a valid event of this topic
     */
    public EventEnvelope<P> deserialize(byte[] bytes) {
        FieldReader in = FieldReader.root(topic, parse(bytes));
        String eventId = in.requiredText("eventId");
        var eventTimestamp = in.requiredInstant("eventTimestamp");
        String sourceService = in.requiredText("sourceService");
        int schemaVersion = in.requiredInt("schemaVersion");
        P payload = codec.read(in.requiredObject("payload"));
        TraceContext trace = readTraceContext(in.optionalObject("traceContext"));
        return in.build(
                () -> new EventEnvelope<>(eventId, eventTimestamp, sourceService, schemaVersion, payload, trace));
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

    private static TraceContext readTraceContext(FieldReader in) {
        if (in == null) {
            return null;
        }
        String traceparent = in.requiredText("traceparent");
        String tracestate = in.optionalText("tracestate");
        return in.build(() -> new TraceContext(traceparent, tracestate));
    }

    private Object readResolve() {
        return new EventSerde<>(topic, payloadType);
    }

    @Override
    public String toString() {
        return "EventSerde[" + topic + ", " + payloadType.getSimpleName() + "]";
    }
}
