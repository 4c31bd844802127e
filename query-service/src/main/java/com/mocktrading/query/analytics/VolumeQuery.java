package com.mocktrading.query.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated volume question: executed trades in {@code [from, to)}, bucketed by {@code interval}.
 *
 * @param symbol one symbol, or null for every symbol
 */
public record VolumeQuery(String symbol, Instant from, Instant to, Interval interval) {

    public VolumeQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }
}
