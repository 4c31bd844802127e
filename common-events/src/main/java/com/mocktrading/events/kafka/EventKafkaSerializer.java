package com.mocktrading.events.kafka;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.EventSerde;
import com.mocktrading.events.Topic;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for the events of one topic. Construct it and hand it to the producer. */
public final class EventKafkaSerializer<P> implements Serializer<EventEnvelope<P>> {

    private final EventSerde<P> serde;

    public EventKafkaSerializer(EventSerde<P> serde) {
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    public static <P> EventKafkaSerializer<P> forTopic(Topic<P> topic) {
        return new EventKafkaSerializer<>(topic.serde());
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<P> event) {
        // Kafka's convention: a null value is a tombstone and stays null.
        return event == null ? null : serde.serialize(event);
    }
}
