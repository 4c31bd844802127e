package com.mocktrading.order.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order acceptance settings. The time budgets nest: the gateway's route timeout (15 s) > the idempotency lease
 * > the request deadline > each store call. The lease outlives the deadline, so a key is taken over only once its
 * first request has given up; the deadline is under the gateway's wait, so a client hears the service's answer.
 *
 * @param priceStaleness a price older than this is not good enough to validate against (503)
 * @param requestDeadline how long one order request may work before it answers
 * @param idempotencyLease how long a claimed Idempotency-Key is reserved for the request processing it
 * @param idempotencyRetention how long keys are remembered (the contract promises at least 24 h)
 * @param inProgressWait how long a concurrent duplicate waits for the first request's answer
 * @param kafkaAcknowledgementTimeout the longest wait for the broker's acks=all confirmation
 * @param maxInFlightPerUser how many orders of one user this instance places at once; beyond it a request is
 *     refused (429) at once, so that one user's burst never holds the capacity everybody shares
 */
@ConfigurationProperties("mocktrading.orders")
public record OrderProperties(
        @DefaultValue("60s") Duration priceStaleness,
        @DefaultValue("12s") Duration requestDeadline,
        @DefaultValue("13s") Duration idempotencyLease,
        @DefaultValue("25h") Duration idempotencyRetention,
        @DefaultValue("3s") Duration inProgressWait,
        @DefaultValue("3s") Duration kafkaAcknowledgementTimeout,
        @DefaultValue("16") int maxInFlightPerUser) {

    public OrderProperties {
        if (idempotencyLease.compareTo(requestDeadline) <= 0) {
            throw new IllegalArgumentException("mocktrading.orders.idempotency-lease (" + idempotencyLease
                    + ") must be longer than request-deadline (" + requestDeadline
                    + "), or a retry could take over a request that still works");
        }
        if (maxInFlightPerUser < 1) {
            throw new IllegalArgumentException("mocktrading.orders.max-in-flight-per-user must be at least 1");
        }
        if (inProgressWait.compareTo(requestDeadline) >= 0) {
            throw new IllegalArgumentException(
                    "mocktrading.orders.in-progress-wait must be shorter than request-deadline");
        }
    }
}
