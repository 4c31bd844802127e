package com.mocktrading.order.placement.idempotency;

import com.mocktrading.order.placement.Acceptance;

/** What claiming an Idempotency-Key found. */
public sealed interface Claim {

    /** The key is ours to process, with this order id (reused if an earlier attempt died half-way). */
    record Claimed(String orderId) implements Claim {}

    /** The key already produced this acceptance: answer it again. */
    record Completed(Acceptance acceptance) implements Claim {}

    /** Another request with the same key and body is being processed right now. */
    record InProgress() implements Claim {}

    /** The key was used with a different body. */
    record Mismatch() implements Claim {}
}
