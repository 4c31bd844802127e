package com.mocktrading.order.placement;

/** Kafka did not confirm an order in time; whether it got into the topic is unknown. */
public class OrderPublishException extends RuntimeException {

    public OrderPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
