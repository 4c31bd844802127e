package com.mocktrading.order.placement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many orders of each user are being placed right now, capped per user: the shared placement capacity (the
 * bulkhead) must never be held by one user's burst. The gateway limits each user's rate; this limits what a slow
 * moment lets pile up, and holds for whoever reaches the service without the gateway.
 */
public final class PerUserInFlight {

    private final int limit;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    public PerUserInFlight(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one order per user, not " + limit);
        }
        this.limit = limit;
    }

    /** Counts one more of the user's orders in placement, unless the user is at the limit. */
    public boolean tryEnter(String userId) {
        boolean[] entered = {false};
        inFlight.compute(userId, (user, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    /** One of the user's orders is done (answered, refused or failed). */
    public void leave(String userId) {
        inFlight.computeIfPresent(userId, (user, count) -> count <= 1 ? null : count - 1);
    }
}
