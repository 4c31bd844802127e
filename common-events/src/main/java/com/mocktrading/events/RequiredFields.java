package com.mocktrading.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The required fields of one event type as its shipped JSON Schema declares them (the {@code required} lists of the
 * envelope and of every nested object, and a {@code then.required} whose {@code if} constants the object matches),
 * so the schema file, not a second list in code, says what an event must carry. A JSON null counts as absent.
 */
final class RequiredFields {

    private final List<String> required;
    private final Map<String, RequiredFields> nested;
    private final Map<String, String> ifConstants;
    private final List<String> thenRequired;

    private RequiredFields(JsonNode objectSchema) {
        this.required = texts(objectSchema.path("required"));
        this.nested = new LinkedHashMap<>();
        objectSchema.path("properties").properties().forEach(property -> {
            if ("object".equals(property.getValue().path("type").asText())) {
                nested.put(property.getKey(), new RequiredFields(property.getValue()));
            }
        });
        this.ifConstants = new LinkedHashMap<>();
        objectSchema
                .path("if")
                .path("properties")
                .properties()
                .forEach(property -> ifConstants.put(
                        property.getKey(), property.getValue().path("const").asText()));
        this.thenRequired = texts(objectSchema.path("then").path("required"));
    }

    /** From the schema file the module ships for the topic ({@code /schemas/<topic>.schema.json}). */
    static RequiredFields ofSchema(String schemaName) {
        String resource = "/schemas/" + schemaName + ".schema.json";
        try (InputStream in = RequiredFields.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new RequiredFields(JsonWire.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws EventDeserializationException naming the first required field the event lacks
     */
    void check(String topic, JsonNode event) {
        check(topic, "", event);
    }

    private void check(String topic, String path, JsonNode object) {
        for (String field : requiredOf(object)) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                String fieldPath = path + field;
                throw new EventDeserializationException(
                        topic, fieldPath, "missing required field '" + fieldPath + "'", null);
            }
        }
        nested.forEach((field, fields) -> {
            JsonNode value = object.get(field);
            if (value != null && value.isObject()) {
                fields.check(topic, path + field + ".", value);
            }
        });
    }

    private List<String> requiredOf(JsonNode object) {
        if (ifConstants.isEmpty()
                || !ifConstants.entrySet().stream().allMatch(constant -> constant.getValue()
                        .equals(object.path(constant.getKey()).asText(null)))) {
            return required;
        }
        List<String> all = new ArrayList<>(required);
        all.addAll(thenRequired);
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
