package com.mocktrading.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository this module is part of, and what its deployment files may refer to. */
final class Checkout {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");

    /**
     * The Spring services, and what each reads through Spring's relaxed binding (a record's default or none) that
     * must point at the deployment's servers: beyond the placeholders of its application.yml, which are found.
     */
    static final Map<String, List<String>> SPRING_SERVICES = Map.of(
            "order-service", List.of("MOCKTRADING_STORE_DYNAMO_DB_ENDPOINT", "MOCKTRADING_STORE_REDIS_URI"),
            "portfolio-service", List.of("MOCKTRADING_STORE_DYNAMO_DB_ENDPOINT", "MOCKTRADING_STORE_REDIS_URI"),
            "query-service", List.of("MOCKTRADING_QUERY_ELASTICSEARCH_URL", "MOCKTRADING_QUERY_CLICKHOUSE_URL"),
            "market-data-service", List.of("MOCKTRADING_STORE_REDIS_URI"),
            "api-gateway", List.of());

    private static final Pattern STAGE = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)\\s*$");

    private Checkout() {}

    /** The build targets of the project's Dockerfile. */
    static Set<String> dockerTargets() {
        Set<String> targets = new LinkedHashSet<>();
        Matcher stage = STAGE.matcher(read(DOCKERFILE));
        while (stage.find()) {
            targets.add(stage.group(1));
        }
        return targets;
    }

    static boolean isModule(String name) {
        return Files.isRegularFile(ROOT.resolve(name).resolve("pom.xml"));
    }

    /** Whether {@code className} is a class in the main sources of {@code module}. */
    static boolean hasMainClass(String module, String className) {
        return Files.isRegularFile(
                ROOT.resolve(module).resolve("src/main/java").resolve(className.replace('.', '/') + ".java"));
    }

    /** The placeholders {@code ${NAME:default}} of a module's application.yml whose default is this machine. */
    static Set<String> localDefaults(String module) {
        Path yml = ROOT.resolve(module).resolve("src/main/resources/application.yml");
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}").matcher(read(yml));
        while (placeholder.find()) {
            if (placeholder.group(2).contains("localhost")
                    || placeholder.group(2).contains("127.0.0.1")) {
                names.add(placeholder.group(1));
            }
        }
        return names;
    }

    /** What a deployment must set for {@code service}: its local-default placeholders and its relaxed settings. */
    static List<String> environmentOf(String service) {
        List<String> variables = new ArrayList<>(localDefaults(service));
        variables.addAll(SPRING_SERVICES.get(service));
        return variables;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> files(Path directory) {
        try {
            return Files.walk(directory).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
