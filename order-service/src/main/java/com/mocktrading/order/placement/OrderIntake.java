package com.mocktrading.order.placement;

import static com.mocktrading.platform.dependency.Dependency.DYNAMODB;

import com.mocktrading.order.placement.idempotency.Claim;
import com.mocktrading.order.placement.idempotency.IdempotencyStore;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The entry point of {@code POST /orders}: places an order, and with an Idempotency-Key makes sure a key
 * yields one order whatever the retries, replicas and concurrent duplicates. Same key and body: the same
 * 202 again. Same key, other body: 409. A duplicate arriving while the first is processed waits for its
 * answer (up to {@code inProgressWait}).
 */
public final class OrderIntake {

    private static final Duration POLL = Duration.ofMillis(50);

    private final OrderPlacement placement;
    private final IdempotencyStore idempotency;
    private final DependencyCalls calls;
    private final Clock clock;
    private final Duration inProgressWait;

    public OrderIntake(
            OrderPlacement placement,
            IdempotencyStore idempotency,
            DependencyCalls calls,
            Clock clock,
            Duration inProgressWait) {
        this.placement = placement;
        this.idempotency = idempotency;
        this.calls = calls;
        this.clock = clock;
        this.inProgressWait = inProgressWait;
    }

    public Acceptance place(String userId, OrderRequest request, Optional<IdempotencyKey> key) {
        if (key.isEmpty()) {
            return placeLogged(userId, request, OrderPlacement.newOrderId());
        }
        String keyValue = key.get().value();
        long deadline = System.nanoTime() + inProgressWait.toNanos();
        while (true) {
            String candidateId = OrderPlacement.newOrderId();
            Claim claim = calls.write(
                    DYNAMODB,
                    () -> idempotency.claim(userId, keyValue, request.fingerprint(), candidateId, clock.instant()));
            if (claim instanceof Claim.Claimed claimed) {
                return placeClaimed(userId, request, keyValue, claimed.orderId());
            }
            if (claim instanceof Claim.Completed completed) {
                return completed.acceptance();
            }
            if (claim instanceof Claim.Mismatch) {
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different order; use a new key for a new order");
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "A request with this Idempotency-Key is still being processed; retry shortly",
                        Duration.ofSeconds(1),
                        null);
            }
            pause();
        }
    }

    private Acceptance placeClaimed(String userId, OrderRequest request, String key, String orderId) {
        Acceptance acceptance;
        try {
            acceptance = placeLogged(userId, request, orderId);
        } catch (OrderNotQueuedException mayBeQueued) {
            calls.write(DYNAMODB, () -> idempotency.abandon(userId, key, orderId));
            throw mayBeQueued;
        } catch (RuntimeException refused) {
            calls.write(DYNAMODB, () -> idempotency.release(userId, key, orderId));
            throw refused;
        }
        calls.write(DYNAMODB, () -> idempotency.complete(key, acceptance));
        return acceptance;
    }

    private Acceptance placeLogged(String userId, OrderRequest request, String orderId) {
        MDC.put("orderId", orderId);
        try {
            return placement.place(userId, request, orderId);
        } finally {
            MDC.remove("orderId");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.INTERNAL, "interrupted");
        }
    }
}
