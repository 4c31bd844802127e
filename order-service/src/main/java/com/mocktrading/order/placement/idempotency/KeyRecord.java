package com.mocktrading.order.placement.idempotency;

import com.mocktrading.order.placement.Acceptance;
import java.time.Instant;

/**
 * What an Idempotency-Key holds: the fingerprint of its request and the acceptance it produced. A key is written
 * only once its order is validated, so the acceptance is always known; QUEUING means the order may be in
 * trade_orders (its publication was started by the claimant of {@code attempt}), COMPLETED that it is.
 *
 * @param attempt a random token of the request that holds the lease, so that a request recognises its own write
 *     when the SDK retried it
 */
public record KeyRecord(
        String fingerprint,
        boolean completed,
        String attempt,
        Instant leaseUntil,
        Instant expiresAt,
        Acceptance acceptance) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean leaseHeldAt(Instant now) {
        return !completed && leaseUntil.isAfter(now);
    }
}
