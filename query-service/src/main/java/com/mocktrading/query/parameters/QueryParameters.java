package com.mocktrading.query.parameters;

import com.mocktrading.events.Symbols;
import com.mocktrading.platform.error.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * The parameter rules both features share. Each method reads one raw query parameter, returns null when it is
 * absent and records a {@link FieldError} (returning null) when it is malformed, so that a request's problems are
 * all reported at once. Nothing here is lenient: a value that does not match is refused, never coerced.
 *
 * <p>Spring binds the raw parameters into request records of strings ({@code TradeSearchParameters}); their
 * conversion is done here rather than by Spring's converters, which are lenient for a query: they trim an enum
 * ({@code side= BUY}), decode {@code size=0x10} as 16 and accept {@code +5} or {@code 05}, and a conversion failure
 * would hide the problems of the other parameters.
 */
public final class QueryParameters {

    /** The contract's symbol format; also what makes a symbol safe to compare against stored values. */

    /**
     * Timestamps outside this range are refused: nothing was traded before 1970, and ClickHouse's DateTime (a
     * 32-bit count of seconds) ends in 2106.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private QueryParameters() {}

    public static String symbol(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (!Symbols.isValid(raw)) {
            errors.add(new FieldError("symbol", "1 to 10 characters of A-Z, 0-9 and '.'"));
            return null;
        }
        return raw;
    }

    /**
     * An ISO-8601 instant such as {@code 2026-11-24T03:00:00.123Z} (an offset like {@code +01:00} is accepted and
     * converted). Finer than a millisecond is refused rather than truncated: the stores keep milliseconds, and
     * truncating an inclusive or exclusive bound would silently move it.
     */
    public static Instant instant(String field, String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        String problem = "an ISO-8601 timestamp with at most millisecond precision between " + EARLIEST + " and "
                + LATEST + ", e.g. 2026-11-24T03:00:00.123Z";
        try {
            Instant instant = Instant.parse(raw);
            if (instant.getNano() % 1_000_000 != 0 || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                errors.add(new FieldError(field, problem));
                return null;
            }
            return instant;
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, problem));
            return null;
        }
    }

    /** Refuses {@code from} after {@code to}; an empty range (equal bounds) is allowed and matches nothing. */
    public static void requireOrdered(Instant from, Instant to, List<FieldError> errors) {
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
    }
}
