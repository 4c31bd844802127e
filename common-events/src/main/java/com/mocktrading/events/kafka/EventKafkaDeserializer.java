package com.mocktrading.events.kafka;

import com.mocktrading.events.EventDeserializationException;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.EventSerde;
import com.mocktrading.events.Topic;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for the events of one topic. An invalid record throws
 * {@link EventDeserializationException}; the consumer decides whether to skip or dead-letter it.
 */
public final class EventKafkaDeserializer<P> implements Deserializer<EventEnvelope<P>> {

    private final EventSerde<P> serde;

    public EventKafkaDeserializer(EventSerde<P> serde) {
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    public static <P> EventKafkaDeserializer<P> forTopic(Topic<P> topic) {
        return new EventKafkaDeserializer<>(topic.serde());
    }

    @Override
    public EventEnvelope<P> deserialize(String topic, byte[] data) {
        // Kafka's convention: a tombstone (null value) deserializes to null.
        return data == null ? null : serde.deserialize(data);
    }
}
