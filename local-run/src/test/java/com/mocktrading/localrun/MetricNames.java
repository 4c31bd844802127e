package com.mocktrading.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names that the alert rules and the dashboards' queries name. */
final class MetricNames {

    /** Our metrics' families; PromQL's own words (histogram_quantile) and label names fall outside them. */
    private static final Pattern METRIC =
            Pattern.compile("\\b((?:flink|http|jvm|process|kafka|marketdata|resilience4j|gateway)_[A-Za-z0-9_:]+)\\b");

    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\([^)]*\\)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricNames() {}

    static Set<String> referencedBy(Path alertRules, Path dashboards) throws IOException {
        StringBuilder text = new StringBuilder(Files.readString(alertRules));
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        text.append('\n').append(target.path("expr").asText());
                    }
                }
            }
        }
        // Label names inside matchers and groupings (job_name, client_id) are not metrics.
        String queries = GROUPING.matcher(MATCHERS.matcher(text).replaceAll("")).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(queries);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }
}
