package com.mocktrading.events;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One Kafka topic of the contract: its name, partition count, payload type, record key and serde.
 *
 * @param currentSchemaVersion the {@code schemaVersion} producers write today
 */
public record Topic<P>(
        String name,
        int partitions,
        Class<P> payloadType,
        int currentSchemaVersion,
        RecordKey<P> recordKey,
        EventSerde<P> serde)
        implements Serializable {

    public Topic {
        Checks.nonBlank(name, "name");
        Checks.positive(partitions, "partitions");
        Checks.required(payloadType, "payloadType");
        Checks.positive(currentSchemaVersion, "currentSchemaVersion");
        Checks.required(recordKey, "recordKey");
        Checks.required(serde, "serde");
        if (!serde.topic().equals(name) || serde.payloadType() != payloadType) {
            throw new IllegalArgumentException("serde " + serde + " does not belong to topic " + name);
        }
    }

    static <P> Topic<P> of(
            String name, int partitions, Class<P> payloadType, int currentSchemaVersion, RecordKey<P> recordKey) {
        return new Topic<>(
                name, partitions, payloadType, currentSchemaVersion, recordKey, EventSerde.of(name, payloadType));
    }

    /** The Kafka record key: all events with the same key land on one partition, in order. */
    public String keyOf(P payload) {
        return recordKey.apply(Objects.requireNonNull(payload, "payload"));
    }

    public String keyOf(EventEnvelope<P> event) {
        return keyOf(event.payload());
    }

    /** A new event of this topic at its current schema version, with a random eventId. */
    public EventEnvelope<P> newEvent(String sourceService, P payload, TraceContext traceContext) {
        return EventEnvelope.create(sourceService, currentSchemaVersion, payload, traceContext);
    }

    /**
     * The event id of this topic's event about {@code orderId}, the same every time it is computed: a republished
     * order, or an outcome emitted again, is recognisably the same event, so its consumers drop the copy.
     */
    public String eventIdOf(String orderId) {
        return UUID.nameUUIDFromBytes(
                        (name + ":" + Checks.nonBlank(orderId, "orderId")).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Like {@link #newEvent} with a caller-derived eventId, see {@link EventEnvelope#createWithId}. */
    public EventEnvelope<P> newEventWithId(String eventId, String sourceService, P payload, TraceContext traceContext) {
        return EventEnvelope.createWithId(eventId, sourceService, currentSchemaVersion, payload, traceContext);
    }
}
