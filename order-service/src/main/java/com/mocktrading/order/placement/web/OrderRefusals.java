package com.mocktrading.order.placement.web;

import com.mocktrading.domain.order.OrderRefusedException;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Duration;

/** The contract's answer to each refusal of the rules: its code, the rule's own message. */
final class OrderRefusals {

    /** How soon a stale price is worth asking again: the feed publishes every symbol within seconds. */
    private static final Duration STALE_PRICE_RETRY = Duration.ofSeconds(5);

    private OrderRefusals() {}

    static ApiException answer(OrderRefusedException refused) {
        if (refused instanceof OrderRefusedException.InsufficientFunds) {
            return new ApiException(ErrorCode.INSUFFICIENT_FUNDS, refused.getMessage());
        }
        if (refused instanceof OrderRefusedException.InsufficientHoldings) {
            return new ApiException(ErrorCode.INSUFFICIENT_HOLDINGS, refused.getMessage());
        }
        // The sealed hierarchy's last kind: OrderRefusedException.StalePrice.
        return new ApiException(ErrorCode.PRICE_UNAVAILABLE, refused.getMessage(), STALE_PRICE_RETRY, null);
    }
}
