package com.mocktrading.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What Jackson's binding of an event found wrong, said as the contract's consumers need it: the topic, the dotted
 * path of the field, and what the field should have been ({@code field 'payload.quantity' must be an integer, was a
 * string}), or the invariant of the record it broke ({@code invalid 'payload': quantity must be >= 1, was 0}).
 */
final class EventReadFailure {

    private EventReadFailure() {}

    static EventDeserializationException of(String topic, DatabindException failure, JsonNode event) {
        JsonMappingException e = (JsonMappingException) failure;
        String path = e.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .collect(Collectors.joining("."));
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            // A record's constructor refused the values: an invariant of the object at this path.
            String where = path.isEmpty() ? "event" : "'" + path + "'";
            return new EventDeserializationException(
                    topic,
                    path.isEmpty() ? null : path,
                    "invalid " + where + ": " + e.getCause().getMessage(),
                    e);
        }
        String problem;
        if (e instanceof JsonWire.WireValueException) {
            problem = e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()
                && format.getValue() instanceof String name) {
            problem = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()) + ", was "
                    + quote(name);
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "must be " + expected(mismatch.getTargetType()) + ", was " + kind(at(event, path));
        } else {
            problem = "is unreadable: " + e.getOriginalMessage();
        }
        return new EventDeserializationException(topic, path, "field '" + path + "' " + problem, e);
    }

    static String quote(String text) {
        return "\"" + Checks.abbreviate(text) + "\"";
    }

    /** The JSON kind of the parser's current value, as a problem message names it. */
    static String kind(JsonParser in) {
        return switch (in.currentToken()) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> "null";
        };
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            default -> "null";
        };
    }

    private static String expected(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        return "an object";
    }

    private static JsonNode at(JsonNode event, String path) {
        return path.isEmpty() ? event : event.at(JsonPointer.compile("/" + path.replace('.', '/')));
    }
}
