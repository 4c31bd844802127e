package com.mocktrading.order.placement;

import com.mocktrading.events.Side;

/** A validated order request: a known side, a well-formed symbol, a whole quantity from 1 to 1,000,000. */
public record OrderRequest(String symbol, Side side, long quantity) {

    /** What makes two requests "the same" for an Idempotency-Key. */
    public String fingerprint() {
        return symbol + "|" + side + "|" + quantity;
    }
}
