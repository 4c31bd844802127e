package com.mocktrading.events;

import java.util.Optional;

/**
 * A Kafka record that is not a valid event of its topic. The message names topic and field
 * ({@code trade_orders event: missing required field 'payload.orderId'}) so that a dead-letter
 * entry or a log line is enough to find the faulty producer.
 */
public class EventDeserializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String fieldPath;

    EventDeserializationException(String topic, String fieldPath, String detail, Throwable cause) {
        super(topic + " event: " + detail, cause);
        this.topic = topic;
        this.fieldPath = fieldPath;
    }

    public String topic() {
        return topic;
    }

    /** The dotted path of the offending field, empty when the record as a whole is unreadable. */
    public Optional<String> fieldPath() {
        return Optional.ofNullable(fieldPath);
    }
}
