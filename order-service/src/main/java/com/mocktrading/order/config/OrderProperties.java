package com.mocktrading.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order acceptance settings.
 *
 * @param priceStaleness a price older than this is not good enough to validate against (503)
 * @param idempotencyLease how long a claimed Idempotency-Key is reserved for the request processing it;
 *     longer than the slowest possible placement (Kafka acknowledgement timeout included)
 * @param idempotencyRetention how long keys are remembered (the contract promises at least 24 h)
 * @param inProgressWait how long a concurrent duplicate waits for the first request's answer
 * @param kafkaAcknowledgementTimeout how long to wait for the broker's acks=all confirmation
 */
@ConfigurationProperties("mocktrading.orders")
public record OrderProperties(
        @DefaultValue("60s") Duration priceStaleness,
        @DefaultValue("15s") Duration idempotencyLease,
        @DefaultValue("25h") Duration idempotencyRetention,
        @DefaultValue("3s") Duration inProgressWait,
        @DefaultValue("6s") Duration kafkaAcknowledgementTimeout) {}
