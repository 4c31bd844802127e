package com.mocktrading.order.placement;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Duration;

/**
 * A 503 for an order whose publication was not confirmed. Unlike other refusals it may still execute, so an
 * Idempotency-Key keeps its order id for the retry instead of being forgotten.
 */
public class OrderNotQueuedException extends ApiException {

    public OrderNotQueuedException(Throwable cause) {
        super(
                ErrorCode.DEPENDENCY_UNAVAILABLE,
                "Kafka did not confirm the order; it was not accepted. Retry with the same Idempotency-Key:"
                        + " if it did get through, the retry returns it instead of placing a second order",
                Duration.ofSeconds(5),
                cause);
    }
}
