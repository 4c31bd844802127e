package com.mocktrading.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The wire conventions of the contract (money as plain decimal strings, millisecond UTC timestamps). */
final class JsonWire {

    /**
     * One mapper for the whole JVM: it is thread-safe once configured, and keeping it static keeps
     * {@link EventSerde} serializable for Flink.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two values for one field would let consumers disagree about which one counts.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Same expression as the {@code pattern} of money fields in the JSON Schemas. */
    static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonWire() {}

    static String format(Instant instant) {
        return MILLIS_UTC.format(instant);
    }

    static String format(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** Lenient on purpose: any ISO-8601 instant or offset date-time, so other producers' clocks are readable. */
    static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
