package com.mocktrading.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object of an event, turning every problem into an
 * {@link EventDeserializationException} that names the dotted field path. A JSON null counts as
 * absent. Fields it is not asked for are ignored, which is what keeps old consumers reading new events.
 */
final class FieldReader {

    private final String topic;
    private final String path;
    private final JsonNode object;

    private FieldReader(String topic, String path, JsonNode object) {
        this.topic = topic;
        this.path = path;
        this.object = object;
    }

    static FieldReader root(String topic, JsonNode node) {
        if (!node.isObject()) {
            throw new EventDeserializationException(topic, null, "expected a JSON object, was " + kind(node), null);
        }
        return new FieldReader(topic, "", node);
    }

    FieldReader requiredObject(String field) {
        return object(field, required(field));
    }

    /** Null when the field is absent. */
    FieldReader optionalObject(String field) {
        JsonNode value = optional(field);
        return value == null ? null : object(field, value);
    }

    String requiredText(String field) {
        return text(field, required(field));
    }

    String optionalText(String field) {
        JsonNode value = optional(field);
        return value == null ? null : text(field, value);
    }

    long requiredLong(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "must be an integer, was " + kind(value));
        }
        return value.longValue();
    }

    int requiredInt(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "must be an integer, was " + kind(value));
        }
        return value.intValue();
    }

    BigDecimal requiredDecimal(String field) {
        return decimal(field, required(field));
    }

    BigDecimal optionalDecimal(String field) {
        JsonNode value = optional(field);
        return value == null ? null : decimal(field, value);
    }

    Instant requiredInstant(String field) {
        String text = requiredText(field);
        try {
            return JsonWire.parseInstant(text);
        } catch (DateTimeException e) {
            throw invalid(field, "must be an ISO-8601 instant, was " + quote(text));
        }
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        String text = requiredText(field);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was " + quote(text));
        }
    }

    /** Builds the record for this object, reporting a broken invariant against this object's path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String where = path.isEmpty() ? "event" : "'" + path + "'";
            throw new EventDeserializationException(
                    topic, path.isEmpty() ? null : path, "invalid " + where + ": " + e.getMessage(), e);
        }
    }

    private JsonNode required(String field) {
        JsonNode value = optional(field);
        if (value == null) {
            throw new EventDeserializationException(
                    topic, pathOf(field), "missing required field '" + pathOf(field) + "'", null);
        }
        return value;
    }

    private JsonNode optional(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private FieldReader object(String field, JsonNode value) {
        if (!value.isObject()) {
            throw invalid(field, "must be an object, was " + kind(value));
        }
        return new FieldReader(topic, pathOf(field), value);
    }

    private String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(field, "must be a string, was " + kind(value));
        }
        return value.textValue();
    }

    private BigDecimal decimal(String field, JsonNode value) {
        // A JSON number has already been through a parser that may hold it as a double: refuse it.
        if (!value.isTextual() || !JsonWire.DECIMAL.matcher(value.textValue()).matches()) {
            String was = value.isTextual() ? quote(value.textValue()) : kind(value);
            throw invalid(field, "must be a plain decimal string such as \"123.45\", was " + was);
        }
        return new BigDecimal(value.textValue());
    }

    private EventDeserializationException invalid(String field, String problem) {
        return new EventDeserializationException(
                topic, pathOf(field), "field '" + pathOf(field) + "' " + problem, null);
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String quote(String text) {
        return "\"" + Checks.abbreviate(text) + "\"";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            default -> "null";
        };
    }
}
