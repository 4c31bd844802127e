package com.mocktrading.query.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bucket widths of the volume analytics. Buckets are aligned to the Unix epoch in UTC (a 1d bucket starts at
 * midnight UTC, a 1h bucket on the hour), so the same trade always falls in the same bucket whatever range it is
 * asked with.
 */
public enum Interval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration length;

    Interval(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public static Optional<Interval> parse(String label) {
        return Arrays.stream(values())
                .filter(interval -> interval.label.equals(label))
                .findFirst();
    }

    public String label() {
        return label;
    }

    public long seconds() {
        return length.toSeconds();
    }

    /** How many of these intervals fit in {@code [from, to)}, a partial one counting as one. */
    public long intervalsIn(Instant from, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        long step = length.toMillis();
        return Math.max(0, (millis + step - 1) / step);
    }
}
