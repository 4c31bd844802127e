package com.mocktrading.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's Helm chart, linted and rendered by Helm itself (helm-java embeds it), as a cluster would get it. */
final class Chart {

    static final Path DIRECTORY = Checkout.ROOT.resolve("deploy/helm/mock-trading");
    static final String RELEASE = "trading";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A current cluster's version (Helm's own default for rendering is far older than the chart supports). */
    static final String KUBERNETES = "1.33.0";

    private Chart() {}

    /** The chart's values profiles: a laptop cluster and AWS. */
    static List<Path> profiles() {
        return List.of(DIRECTORY.resolve("values-local.yaml"), DIRECTORY.resolve("values-aws.yaml"));
    }

    /** Every manifest {@code helm template} renders with {@code profile} and the {@code --set} values. */
    static List<JsonNode> render(Path profile, Map<String, String> sets) {
        TemplateCommand template = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(RELEASE)
                .withKubeVersion(KUBERNETES)
                .withValuesFile(profile);
        sets.forEach(template::set);
        return manifests(template.call());
    }

    static List<String> texts(Path profile) {
        String rendered = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(RELEASE)
                .withKubeVersion(KUBERNETES)
                .withValuesFile(profile)
                .call();
        List<String> documents = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (!document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                documents.add(document);
            }
        }
        return documents;
    }

    /**
     * {@code helm lint --strict} with {@code profile} over the chart's defaults (helm-java's lint takes no values
     * file, so the chart is linted as a copy whose values.yaml is the merge).
     */
    static LintResult lint(Path profile) {
        try {
            Path copy = Files.createTempDirectory("chart-lint").resolve("mock-trading");
            try (Stream<Path> files = Files.walk(DIRECTORY)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            ObjectNode values =
                    (ObjectNode) YAML.readTree(DIRECTORY.resolve("values.yaml").toFile());
            merge(values, (ObjectNode) YAML.readTree(profile.toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> manifests(String rendered) {
        List<JsonNode> manifests = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            try {
                JsonNode manifest = YAML.readTree(document);
                if (manifest != null && manifest.isObject() && manifest.size() > 0) {
                    manifests.add(manifest);
                }
            } catch (IOException e) {
                throw new IllegalStateException("helm rendered YAML that does not parse:\n" + document, e);
            }
        }
        return manifests;
    }

    /** Helm's own merge of a values file over the defaults: maps merge, everything else is replaced. */
    private static void merge(ObjectNode into, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }
}
