package com.mocktrading.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the JSON Schema of an event as released (the baseline that deployed producers and
 * consumers were built against) with the current one and lists the changes that would break
 * either side while both versions run, or while old events are still in the topic.
 *
 * <p>Deliberately small: it understands {@code properties}, {@code required}, {@code type},
 * {@code format}, {@code pattern}, {@code enum} and {@code additionalProperties}, recursing into
 * nested object properties. It ignores descriptions and other keywords; {@code $ref} is not
 * resolved, which is why the event schemas keep their nested objects inline.
 */
public final class SchemaCompatibility {

    private static final List<String> COMPARED_KEYWORDS = List.of("type", "format", "pattern");

    private SchemaCompatibility() {}

    /** Human-readable violations, empty when {@code current} can replace {@code baseline}. */
    public static List<String> violations(JsonNode baseline, JsonNode current) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        List<String> violations = new ArrayList<>();
        compareObjects("", baseline, current, violations);
        return List.copyOf(violations);
    }

    private static void compareObjects(String path, JsonNode baseline, JsonNode current, List<String> out) {
        Set<String> baselineRequired = strings(baseline.path("required"));
        Set<String> currentRequired = strings(current.path("required"));
        JsonNode currentProperties = current.path("properties");

        for (String name : baselineRequired) {
            if (!currentRequired.contains(name)) {
                String change = currentProperties.has(name) ? "is no longer required" : "was removed";
                out.add("required property '" + join(path, name) + "' " + change
                        + ": consumers built against the baseline expect it in every event");
            }
        }
        for (String name : currentRequired) {
            if (!baselineRequired.contains(name)) {
                out.add("property '" + join(path, name) + "' is newly required"
                        + ": events written against the baseline, still in the topic, lack it");
            }
        }
        if (!forbidsAdditionalProperties(baseline) && forbidsAdditionalProperties(current)) {
            out.add("'" + displayPath(path) + "' no longer allows additional properties"
                    + ": events from newer producers would be rejected");
        }
        for (String name : names(baseline.path("properties"))) {
            if (currentProperties.has(name)) {
                compareProperty(
                        join(path, name), baseline.path("properties").path(name), currentProperties.path(name), out);
            }
        }
    }

    private static void compareProperty(String path, JsonNode baseline, JsonNode current, List<String> out) {
        for (String keyword : COMPARED_KEYWORDS) {
            String before = describe(baseline.get(keyword));
            String after = describe(current.get(keyword));
            if (!before.equals(after)) {
                out.add("property '" + path + "' changed " + keyword + " from " + before + " to " + after
                        + ": values valid for one side are invalid for the other");
            }
        }
        if (baseline.has("enum") || current.has("enum")) {
            Set<String> before = enumValues(baseline);
            Set<String> after = enumValues(current);
            for (String value : difference(before, after)) {
                out.add("enum value '" + value + "' was removed from '" + path
                        + "': consumers of events already in the topic still meet it");
            }
            for (String value : difference(after, before)) {
                out.add("enum value '" + value + "' was added to '" + path
                        + "': consumers built against the baseline cannot handle it");
            }
        }
        if (baseline.has("properties") && current.has("properties")) {
            compareObjects(path, baseline, current, out);
        }
    }

    private static boolean forbidsAdditionalProperties(JsonNode schema) {
        JsonNode additional = schema.path("additionalProperties");
        return additional.isBoolean() && !additional.booleanValue();
    }

    /** Type arrays compare as sets, so {@code ["string","null"]} equals {@code ["null","string"]}. */
    private static String describe(JsonNode keywordValue) {
        if (keywordValue == null) {
            return "(none)";
        }
        if (keywordValue.isArray()) {
            return new TreeSet<>(strings(keywordValue)).toString();
        }
        return keywordValue.isTextual() ? "'" + keywordValue.textValue() + "'" : keywordValue.toString();
    }

    private static Set<String> enumValues(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : schema.path("enum")) {
            values.add(value.isTextual() ? value.textValue() : value.toString());
        }
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new LinkedHashSet<>(left);
        result.removeAll(right);
        return result;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String displayPath(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
