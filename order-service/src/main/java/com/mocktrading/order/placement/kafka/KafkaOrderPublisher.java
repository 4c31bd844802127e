package com.mocktrading.order.placement.kafka;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.order.placement.OrderPublishException;
import com.mocktrading.order.placement.OrderPublisher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes to trade_orders keyed by userId, so one user's orders stay in order on one partition. */
public final class KafkaOrderPublisher implements OrderPublisher {

    private final KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka;

    public KafkaOrderPublisher(KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(EventEnvelope<TradeOrderPayload> order, Duration timeout) {
        try {
            kafka.send(Topics.TRADE_ORDERS.name(), Topics.TRADE_ORDERS.keyOf(order), order)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderPublishException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new OrderPublishException(
                    "Kafka did not acknowledge order " + order.payload().orderId(), e);
        }
    }
}
