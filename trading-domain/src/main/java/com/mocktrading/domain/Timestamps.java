package com.mocktrading.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC with exactly three fractional digits, as the contract prints timestamps. The fixed width also
 * makes the strings sort chronologically, which the orders-by-user index relies on.
 */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    public static Instant nowMillis() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
