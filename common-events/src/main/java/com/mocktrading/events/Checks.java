package com.mocktrading.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Invariant checks shared by the event records; messages name the field so a rejected event is diagnosable. */
final class Checks {

    private Checks() {}

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String nonBlank(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static String symbol(String value, String field) {
        if (!Symbols.isValid(required(value, field))) {
            throw new IllegalArgumentException(
                    field + " must be " + Symbols.DESCRIPTION + ", was '" + abbreviate(value) + "'");
        }
        return value;
    }

    static long positive(long value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, was " + value);
        }
        return value;
    }

    /**
     * Checks a price is positive. A negative scale ({@code 1E+2}) is widened to 0 because the plain
     * wire notation ("100") cannot carry it, and the record must equal itself after a round trip.
     */
    /** The contract's price precision; ClickHouse and the Elasticsearch scaled field rely on it. */
    static final int MAX_PRICE_DECIMALS = 4;

    static BigDecimal positivePrice(BigDecimal value, String field) {
        if (required(value, field).signum() <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > MAX_PRICE_DECIMALS) {
            throw new IllegalArgumentException(
                    field + " has more than " + MAX_PRICE_DECIMALS + " decimals: " + value.toPlainString());
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * The wire carries milliseconds, so the records do too: otherwise an event built from
     * {@code Instant.now()} would not equal itself after a round trip through Kafka.
     */
    static Instant millis(Instant value, String field) {
        return required(value, field).truncatedTo(ChronoUnit.MILLIS);
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
