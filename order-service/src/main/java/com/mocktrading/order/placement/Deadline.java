package com.mocktrading.order.placement;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Duration;

/**
 * The time a request has left. A request starts no step it could not finish before its caller (the gateway)
 * stops waiting: past its deadline it gives up with an answer that is true ("nothing changed") rather than do
 * work nobody will hear about.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** @throws ApiException 503 when less than {@code needed} is left: the request stops here, unchanged */
    public void require(Duration needed) {
        if (remaining().compareTo(needed) < 0) {
            throw new ApiException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "The stores are answering too slowly to place the order in time; the request changed nothing,"
                            + " retry later",
                    Duration.ofSeconds(2),
                    null);
        }
    }
}
