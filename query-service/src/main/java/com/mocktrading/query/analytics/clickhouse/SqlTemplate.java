package com.mocktrading.query.analytics.clickhouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where values enter ClickHouse SQL. ClickHouse 18.16 has no server-side query parameters
 * ({@code {name:Type}} came later), so values are rendered client-side, here and only here, and only from typed
 * values whose rendering cannot change the statement's structure:
 *
 * <ul>
 *   <li>{@link Long} / {@link Integer}: decimal digits; a negative one in parentheses, so that {@code x-?} can
 *       never become the comment {@code x--1};
 *   <li>{@link Instant} on a whole second within ClickHouse's DateTime range: {@code toDateTime(<epoch seconds>)},
 *       which means the same instant whatever the server's time zone;
 *   <li>{@link String}: a single-quoted literal with backslash and quote escaped; control characters and unpaired
 *       surrogates are refused outright (no legitimate value has them, and they are where escaping bugs hide).
 * </ul>
 *
 * Anything else (null, floating point, an arbitrary object) is refused. The template is the code's own text; a
 * {@code ?} in it is a placeholder, and a {@code ?} inside one of its quoted literals is refused as ambiguous.
 * Rendered values are never scanned again, so a {@code ?} inside a value stays text.
 */
public final class SqlTemplate {

    /** ClickHouse's DateTime is an unsigned 32-bit count of seconds. */
    static final long MAX_DATETIME_SECONDS = 0xFFFF_FFFFL;

    static final int MAX_STRING_LENGTH = 1_000;

    private final List<String> segments;

    private SqlTemplate(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException when the template's quotes do not balance or hide a {@code ?} */
    public static SqlTemplate of(String template) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quoted) {
                if (c == '?') {
                    throw new IllegalArgumentException("a '?' inside a quoted literal of the template is ambiguous");
                }
                if (c == '\\' && i + 1 < template.length()) {
                    segment.append(c);
                    c = template.charAt(++i);
                } else if (c == '\'') {
                    quoted = false;
                }
                segment.append(c);
            } else if (c == '?') {
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                quoted = c == '\'';
                segment.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the template has an unterminated quoted literal");
        }
        segments.add(segment.toString());
        return new SqlTemplate(segments);
    }

    public int placeholders() {
        return segments.size() - 1;
    }

    /**
     * The statement with each placeholder replaced, in order, by the literal of the corresponding value.
     *
     * @throws IllegalArgumentException for a wrong number of values or a value that is not safely renderable
     */
    public String bind(Object... values) {
        if (values.length != placeholders()) {
            throw new IllegalArgumentException(
                    "the template has " + placeholders() + " placeholders, got " + values.length + " values");
        }
        StringBuilder sql = new StringBuilder(segments.get(0));
        for (int i = 0; i < values.length; i++) {
            sql.append(literal(values[i])).append(segments.get(i + 1));
        }
        return sql.toString();
    }

    static String literal(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            return number < 0 ? "(" + number + ")" : Long.toString(number);
        }
        if (value instanceof Instant instant) {
            return dateTime(instant);
        }
        if (value instanceof String text) {
            return string(text);
        }
        throw new IllegalArgumentException("no safe SQL literal for "
                + (value == null ? "null" : value.getClass().getName())
                + "; bind a Long, Integer, whole-second Instant or String");
    }

    private static String dateTime(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < 0 || seconds > MAX_DATETIME_SECONDS) {
            throw new IllegalArgumentException("a DateTime is a whole second from 1970 to 2106, got " + instant);
        }
        return "toDateTime(" + seconds + ")";
    }

    private static String string(String text) {
        if (text.length() > MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("string values are at most " + MAX_STRING_LENGTH + " characters");
        }
        StringBuilder literal = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("control characters are not allowed in string values");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                literal.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogates are not allowed in string values");
            }
            if (c == '\\' || c == '\'') {
                literal.append('\\');
            }
            literal.append(c);
        }
        return literal.append('\'').toString();
    }
}
