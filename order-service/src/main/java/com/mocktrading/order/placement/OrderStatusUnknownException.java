package com.mocktrading.order.placement;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Duration;

/**
 * Kafka did not confirm an order and DynamoDB could not settle it either: it may be queued. The answer says so
 * instead of claiming that nothing changed; with an Idempotency-Key the key keeps the order, so a retry with the
 * same key finds out and answers the order (or places it, if it was not queued).
 */
public class OrderStatusUnknownException extends ApiException {

    public OrderStatusUnknownException(String orderId, Throwable cause) {
        super(
                ErrorCode.ORDER_STATUS_UNKNOWN,
                "Order " + orderId + " may or may not have been queued: retry with the same Idempotency-Key, or see"
                        + " /v1/orders/" + orderId + " in a while",
                Duration.ofSeconds(5),
                cause);
    }
}
