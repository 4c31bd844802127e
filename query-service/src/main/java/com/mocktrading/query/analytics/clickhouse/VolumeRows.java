package com.mocktrading.query.analytics.clickhouse;

import com.mocktrading.query.analytics.VolumeBucket;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one JSONEachRow line of the volume query. Numbers are read from their text, never through a double:
 * ClickHouse quotes 64-bit integers ({@code "volume":"15"}) and the notional is selected with {@code toString}, so
 * {@code 1234.5675} arrives exactly as computed; unquoted numbers are read exactly too.
 */
final class VolumeRows {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private VolumeRows() {}

    static VolumeBucket parse(String line) {
        JsonNode row = JSON.readTree(line);
        return VolumeBucket.of(
                Instant.ofEpochSecond(integer(row, "bucket_start")),
                text(row, "symbol"),
                integer(row, "volume"),
                new BigDecimal(text(row, "notional")),
                integer(row, "trades"));
    }

    private static long integer(JsonNode row, String column) {
        JsonNode value = row.get(column);
        if (value != null && value.isString()) {
            return new BigInteger(value.stringValue()).longValueExact();
        }
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().longValueExact();
        }
        throw new IllegalStateException("column " + column + " is not an integer: " + value);
    }

    private static String text(JsonNode row, String column) {
        JsonNode value = row.get(column);
        if (value != null && value.isString()) {
            return value.stringValue();
        }
        if (value != null && value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        throw new IllegalStateException("column " + column + " is missing: " + value);
    }
}
