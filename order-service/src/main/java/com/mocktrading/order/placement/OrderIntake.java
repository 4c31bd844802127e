package com.mocktrading.order.placement;

import static com.mocktrading.platform.dependency.Dependency.DYNAMODB;

import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.order.placement.OrderPlacement.Queuing;
import com.mocktrading.order.placement.idempotency.IdempotencyStore;
import com.mocktrading.order.placement.idempotency.KeyRecord;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The entry point of {@code POST /orders}. Without an Idempotency-Key: validate, queue, answer. With one, a key
 * yields one order whatever the retries, replicas and concurrent duplicates, and once its order may be queued the
 * key gives the same answer forever (Stripe's semantics): the 202 of that order. Same key, other body: 409
 * IDEMPOTENCY_KEY_REUSED. A duplicate arriving while the first request still works waits for its answer, then
 * gets 409 IDEMPOTENCY_KEY_IN_PROGRESS with Retry-After (retry the same request). A retry after the first attempt
 * died or gave up takes its lease over and finishes that same order, without validating it again.
 */
public final class OrderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** The shortest acknowledgement wait worth starting a publication for. */
    private static final Duration MINIMUM_PUBLISH = Duration.ofMillis(500);

    private final OrderPlacement placement;
    private final IdempotencyStore idempotency;
    private final DependencyCalls calls;
    private final Clock clock;
    private final IntakeTimeouts timeouts;
    private final PerUserInFlight perUser;
    private final Bulkhead capacity;

    /**
     * @param perUser how many of one user's orders are placed at once; beyond it a request is refused at once
     * @param capacity how many orders are placed at once; beyond it (and its short wait) a request is shed
     */
    public OrderIntake(
            OrderPlacement placement,
            IdempotencyStore idempotency,
            DependencyCalls calls,
            Clock clock,
            IntakeTimeouts timeouts,
            PerUserInFlight perUser,
            Bulkhead capacity) {
        this.placement = placement;
        this.idempotency = idempotency;
        this.calls = calls;
        this.clock = clock;
        this.timeouts = timeouts;
        this.perUser = perUser;
        this.capacity = capacity;
    }

    /**
     * @throws ApiException 429 RATE_LIMITED before anything is done when too many of the user's orders are in
     *     placement, 503 OVERLOADED when the service is saturated; refusals of the
     *     order itself; 503s of unavailable dependencies, which changed nothing unless the code says otherwise
     */
    public Acceptance place(String userId, OrderRequest request, Optional<IdempotencyKey> key) {
        if (!perUser.tryEnter(userId)) {
            throw new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many of your orders are being placed at once; the request changed nothing, retry shortly",
                    Duration.ofSeconds(1),
                    null);
        }
        try {
            return capacity.executeSupplier(() -> placeNow(userId, request, key));
        } catch (BulkheadFullException saturated) {
            throw new ApiException(
                    ErrorCode.OVERLOADED,
                    "Too many orders are being placed right now; the request changed nothing, retry shortly",
                    Duration.ofSeconds(1),
                    saturated);
        } finally {
            perUser.leave(userId);
        }
    }

    private Acceptance placeNow(String userId, OrderRequest request, Optional<IdempotencyKey> key) {
        Deadline deadline = Deadline.in(timeouts.request());
        if (key.isEmpty()) {
            Acceptance acceptance = validate(userId, request, OrderPlacement.newOrderId());
            if (queue(acceptance, deadline) == Queuing.WITHDRAWN) {
                throw notQueued();
            }
            return acceptance;
        }
        return placeKeyed(userId, request, key.get().value(), deadline);
    }

    private Acceptance placeKeyed(String userId, OrderRequest request, String key, Deadline deadline) {
        long stopWaiting = System.nanoTime() + timeouts.inProgressWait().toNanos();
        while (true) {
            deadline.require(POLL);
            Instant now = clock.instant();
            Optional<KeyRecord> found = calls.read(DYNAMODB, () -> idempotency.find(userId, key));
            if (found.isEmpty() || found.get().expiredAt(now)) {
                Acceptance acceptance = validate(userId, request, OrderPlacement.newOrderId());
                String attempt = newAttempt();
                if (calls.write(
                        DYNAMODB,
                        () -> idempotency.claim(key, request.fingerprint(), attempt, acceptance, clock.instant()))) {
                    return queueHeld(key, attempt, acceptance, deadline);
                }
                continue; // a concurrent duplicate claimed it first
            }
            KeyRecord held = found.get();
            if (!held.fingerprint().equals(request.fingerprint())) {
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different order; use a new key for a new order");
            }
            if (held.completed()) {
                return held.acceptance();
            }
            if (!held.leaseHeldAt(now)) {
                String attempt = newAttempt();
                if (calls.write(
                        DYNAMODB,
                        () -> idempotency.takeOver(userId, key, request.fingerprint(), attempt, clock.instant()))) {
                    Optional<Acceptance> resumed = resume(key, attempt, held.acceptance(), deadline);
                    if (resumed.isPresent()) {
                        return resumed.get();
                    }
                }
                continue;
            }
            if (System.nanoTime() > stopWaiting) {
                throw inProgress(held, now);
            }
            pause();
        }
    }

    /** Finishes the order of a key whose earlier holder may have published it; empty when it was withdrawn. */
    private Optional<Acceptance> resume(String key, String attempt, Acceptance acceptance, Deadline deadline) {
        String userId = acceptance.userId();
        Optional<OrderStatus> recorded =
                logged(acceptance.orderId(), () -> placement.recordedStatus(acceptance.orderId()));
        if (recorded.isPresent() && !recorded.get().isAccepted()) {
            // It will never execute: the key starts afresh with a new order.
            calls.write(DYNAMODB, () -> idempotency.forget(userId, key, attempt));
            return Optional.empty();
        }
        if (recorded.isPresent()) {
            complete(key, acceptance);
            return Optional.of(acceptance);
        }
        return Optional.of(queueHeld(key, attempt, acceptance, deadline));
    }

    private Acceptance queueHeld(String key, String attempt, Acceptance acceptance, Deadline deadline) {
        String userId = acceptance.userId();
        Queuing queuing;
        try {
            queuing = queue(acceptance, deadline);
        } catch (ApiException unsettled) {
            // Too late to start, or not settled: the key keeps the order, and a retry takes over at once.
            endLease(key, attempt, acceptance);
            throw unsettled;
        }
        if (queuing == Queuing.WITHDRAWN) {
            calls.write(DYNAMODB, () -> idempotency.forget(userId, key, attempt));
            throw notQueued();
        }
        complete(key, acceptance);
        return acceptance;
    }

    private Queuing queue(Acceptance acceptance, Deadline deadline) {
        // Leave the time to settle an unconfirmed publication (one DynamoDB write) before the deadline.
        deadline.require(MINIMUM_PUBLISH.plus(timeouts.settle()));
        Duration publishTimeout =
                min(timeouts.kafkaAcknowledgement(), deadline.remaining().minus(timeouts.settle()));
        return logged(acceptance.orderId(), () -> placement.queue(acceptance, publishTimeout));
    }

    private Acceptance validate(String userId, OrderRequest request, String orderId) {
        return logged(orderId, () -> placement.validate(userId, request, orderId));
    }

    /** The order is queued whatever happens here; a key left uncompleted is finished by the next retry. */
    private void complete(String key, Acceptance acceptance) {
        try {
            calls.write(DYNAMODB, () -> idempotency.complete(acceptance.userId(), key, acceptance.orderId()));
        } catch (ApiException notCompleted) {
            LOG.warn(
                    "order {} is queued but its Idempotency-Key was not completed", acceptance.orderId(), notCompleted);
        }
    }

    private void endLease(String key, String attempt, Acceptance acceptance) {
        try {
            calls.write(DYNAMODB, () -> idempotency.endLease(acceptance.userId(), key, attempt));
        } catch (ApiException notEnded) {
            LOG.warn("the lease on order {} runs out by itself", acceptance.orderId(), notEnded);
        }
    }

    private ApiException inProgress(KeyRecord held, Instant now) {
        Duration leaseLeft = Duration.between(now, held.leaseUntil());
        return new ApiException(
                ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed; retry the same request after"
                        + " Retry-After",
                leaseLeft.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : leaseLeft,
                null);
    }

    private static ApiException notQueued() {
        return new ApiException(
                ErrorCode.DEPENDENCY_UNAVAILABLE,
                "Kafka did not confirm the order, so it was withdrawn and will not execute; the request changed"
                        + " nothing, retry later",
                Duration.ofSeconds(5),
                null);
    }

    private static <T> T logged(String orderId, java.util.function.Supplier<T> step) {
        MDC.put("orderId", orderId);
        try {
            return step.get();
        } finally {
            MDC.remove("orderId");
        }
    }

    private static String newAttempt() {
        return UUID.randomUUID().toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
