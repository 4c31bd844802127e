package com.mocktrading.order.placement;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeOrderPayload;
import java.time.Duration;

/** Puts an accepted order durably into trade_orders. */
public interface OrderPublisher {

    /**
     * Returns once the broker acknowledged the order (acks=all), waiting at most {@code timeout}.
     *
     * @throws OrderPublishException when that cannot be confirmed: the order may or may not be in the topic
     */
    void publish(EventEnvelope<TradeOrderPayload> order, Duration timeout);
}
