package com.mocktrading.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A custom resource checked against its CRD's {@code openAPIV3Schema}, as the API server would: types, enums and
 * required fields by the JSON Schema validator, and, since an API server prunes what a structural schema does not
 * declare, every field of the manifest that the schema does not know is reported too (a misspelt field would
 * otherwise vanish without a word).
 */
final class CrdSchema {

    private final JsonNode schema;
    private final JsonSchema validator;

    private CrdSchema(JsonNode schema) {
        this.schema = schema;
        this.validator =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    /** The schema of {@code version} in the CRD file {@code resource} (on the test classpath). */
    static CrdSchema of(String resource, String version) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            JsonNode crd = Chart.YAML.readTree(in);
            for (JsonNode candidate : crd.path("spec").path("versions")) {
                if (candidate.path("name").asText().equals(version)) {
                    return new CrdSchema(candidate.path("schema").path("openAPIV3Schema"));
                }
            }
            throw new IllegalStateException(resource + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(JsonNode manifest) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : validator.validate(manifest)) {
            problems.add(message.getMessage());
        }
        // Every object's apiVersion, kind and metadata are the API server's, not the CRD's to declare.
        JsonNode body = manifest.deepCopy();
        ((ObjectNode) body).remove(List.of("apiVersion", "kind", "metadata"));
        undeclared(schema, body, "$", problems);
        return problems;
    }

    private static void undeclared(JsonNode schema, JsonNode node, String path, List<String> problems) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (node.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    undeclared(properties.get(field.getKey()), field.getValue(), at, problems);
                } else if (additional.isObject()) {
                    undeclared(additional, field.getValue(), at, problems);
                } else if (!properties.isMissingNode() || !additional.isMissingNode()) {
                    problems.add(at + " is not a field of the schema");
                }
            }
        } else if (node.isArray() && schema.has("items")) {
            for (int i = 0; i < node.size(); i++) {
                undeclared(schema.get("items"), node.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
