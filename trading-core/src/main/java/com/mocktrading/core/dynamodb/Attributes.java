package com.mocktrading.core.dynamodb;

import com.mocktrading.domain.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed access to DynamoDB attribute values: numbers as exact decimals, instants as contract strings. */
public final class Attributes {

    private Attributes() {}

    public static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    public static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(Timestamps.format(value));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = required(item, name);
        return value.s();
    }

    public static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        return new BigDecimal(required(item, name).n());
    }

    public static BigDecimal optionalDecimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : new BigDecimal(value.n());
    }

    public static long integer(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        return Timestamps.parse(string(item, name));
    }

    public static Instant optionalInstant(Map<String, AttributeValue> item, String name) {
        String text = optionalString(item, name);
        return text == null ? null : Timestamps.parse(text);
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("stored item lacks attribute '" + name + "': " + item.keySet());
        }
        return value;
    }
}
