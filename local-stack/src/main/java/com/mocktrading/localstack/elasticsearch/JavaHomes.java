package com.mocktrading.localstack.elasticsearch;

import com.mocktrading.localstack.PrerequisiteMissingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDK Elasticsearch 8.19 runs on. The integ-test distribution bundles none; 17 and 21 are the LTS
 * versions it supports, so this JVM's own JDK is used when it is one of those, else one from /usr/lib/jvm.
 */
final class JavaHomes {

    private JavaHomes() {}

    static Path forElasticsearch() {
        String configured = System.getProperty("mocktrading.elasticsearch.java-home");
        if (configured != null) {
            return Path.of(configured);
        }
        String feature = System.getProperty("java.specification.version");
        if ("17".equals(feature) || "21".equals(feature)) {
            return Path.of(System.getProperty("java.home"));
        }
        return installed()
                .orElseThrow(() -> new PrerequisiteMissingException(
                        "no JDK 17 or 21 for Elasticsearch: install 'openjdk-17-jdk-headless' or set"
                                + " -Dmocktrading.elasticsearch.java-home"));
    }

    private static Optional<Path> installed() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*-(17|21)-.*"))
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .sorted(Comparator.naturalOrder())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
