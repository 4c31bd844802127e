package com.mocktrading.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the checked-in JSON Schemas (and their released baseline) from the test classpath. */
public final class SchemaFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaFiles() {}

    public static JsonNode current(String topic) {
        return load("/schemas/" + topic + ".schema.json");
    }

    public static JsonNode baseline(String topic) {
        return load("/schema-baseline/" + topic + ".schema.json");
    }

    private static JsonNode load(String resource) {
        try (InputStream in = SchemaFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
