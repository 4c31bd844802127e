package com.mocktrading.query.analytics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The {@code timeWindow} shortcuts: the last hour, day or week, up to now. */
enum TimeWindow {
    LAST_HOUR("1h", Duration.ofHours(1)),
    LAST_DAY("24h", Duration.ofHours(24)),
    LAST_WEEK("7d", Duration.ofDays(7));

    private final String label;
    private final Duration length;

    TimeWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public static Optional<TimeWindow> parse(String label) {
        return Arrays.stream(values())
                .filter(window -> window.label.equals(label))
                .findFirst();
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }
}
