package com.mocktrading.order.placement;

import java.time.Duration;

/**
 * The time budget of one order request, nested inside the gateway's route timeout.
 *
 * @param request how long a request may work; shorter than the gateway's wait so the client always hears the
 *     service's own answer
 * @param kafkaAcknowledgement the longest wait for Kafka's acks=all confirmation
 * @param settle what one DynamoDB write may take: kept free before the deadline to settle an unconfirmed publication
 * @param inProgressWait how long a concurrent duplicate waits for the first request's answer
 */
public record IntakeTimeouts(
        Duration request, Duration kafkaAcknowledgement, Duration settle, Duration inProgressWait) {}
