package com.mocktrading.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long clients went without an answer from the system: per client, from its first failed request (a timeout,
 * a refused connection, a 5xx) to its next answered one; and the first order accepted after the fault ended.
 */
final class Availability {

    private final Map<String, Long> failingSince = new ConcurrentHashMap<>();
    private final AtomicLong longestNanos = new AtomicLong();
    private volatile long faultEndedNanos = Long.MAX_VALUE;
    private final AtomicLong firstAcceptedAfterFaultNanos = new AtomicLong(Long.MAX_VALUE);

    /** The system answered the client (with an acceptance, or a refusal that is an answer, such as a 402). */
    void answered(String client, boolean accepted) {
        long now = System.nanoTime();
        Long since = failingSince.remove(client);
        if (since != null) {
            longestNanos.accumulateAndGet(now - since, Math::max);
        }
        if (accepted) {
            if (now >= faultEndedNanos) {
                firstAcceptedAfterFaultNanos.accumulateAndGet(now, Math::min);
            }
        }
    }

    /** The client got no answer it can act on. */
    void failed(String client) {
        failingSince.putIfAbsent(client, System.nanoTime());
    }

    void faultEnded() {
        faultEndedNanos = System.nanoTime();
    }

    /** The longest time any client went unanswered; clients still failing count up to now. */
    Duration longestUnavailability() {
        long now = System.nanoTime();
        long longest = longestNanos.get();
        for (long since : failingSince.values()) {
            longest = Math.max(longest, now - since);
        }
        return Duration.ofNanos(longest);
    }

    /** From the end of the fault to the first order accepted after it; empty if none was. */
    Optional<Duration> recovery() {
        long first = firstAcceptedAfterFaultNanos.get();
        return first == Long.MAX_VALUE || faultEndedNanos == Long.MAX_VALUE
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(first - faultEndedNanos));
    }
}
