package com.mocktrading.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the Grafana dashboards the chart ships, checked by Prometheus's own promtool (Debian's
 * prometheus package): the rules parse and their unit tests pass, and every dashboard query is valid PromQL.
 */
class MonitoringFilesTest {

    static final Path FILES = Checkout.ROOT.resolve("deploy/helm/mock-trading/files");
    static final Path ALERTS = FILES.resolve("prometheus/alerts.yaml");
    static final Path DASHBOARDS = FILES.resolve("grafana");
    private static final Path RULE_TESTS = Path.of("src/test/resources/prometheus/alerts-test.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAlertRulesAreValid() throws Exception {
        Promtool result = Promtool.run(List.of("check", "rules", ALERTS.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 10 rules found");
    }

    @Test
    void theAlertRulesPassTheirUnitTests(@TempDir Path directory) throws Exception {
        Files.copy(ALERTS, directory.resolve("alerts.yaml"));
        Files.copy(RULE_TESTS, directory.resolve("alerts-test.yaml"));

        Promtool result = Promtool.run(
                List.of("test", "rules", directory.resolve("alerts-test.yaml").toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path directory) throws Exception {
        List<String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(25);

        Promtool valid = Promtool.run(
                List.of("check", "rules", asRecordingRules(queries, directory).toString()));

        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    /** The check above can fail: one broken query among them is found. */
    @Test
    void aBrokenQueryIsFound(@TempDir Path directory) throws Exception {
        List<String> queries = new ArrayList<>(dashboardQueries());
        queries.add("sum by (application (rate(http_server_requests_seconds_count[1m]))");

        Promtool broken = Promtool.run(
                List.of("check", "rules", asRecordingRules(queries, directory).toString()));

        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.output()).contains("parse error");
    }

    @Test
    void everyDashboardHasItsIdentityAndEveryPanelAQuery() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            List<Path> dashboards = files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
            assertThat(dashboards)
                    .extracting(file -> file.getFileName().toString())
                    .containsExactly(
                            "execution.json", "jvm.json", "market-data.json", "order-path.json", "persistence.json");
            for (Path file : dashboards) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                assertThat(dashboard.path("uid").asText()).as(file.toString()).startsWith("mt-");
                assertThat(dashboard.path("title").asText()).as(file.toString()).startsWith("Mock trading: ");
                assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
                for (JsonNode panel : dashboard.path("panels")) {
                    assertThat(panel.path("targets"))
                            .as(panel.path("title").asText())
                            .isNotEmpty();
                }
            }
        }
    }

    /** Every PromQL expression of the dashboards. */
    static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(target.path("expr").asText());
                    }
                }
            }
        }
        return queries;
    }

    /** The queries as recording rules, which promtool parses and type-checks like any rule. */
    private static Path asRecordingRules(List<String> queries, Path directory) throws IOException {
        StringBuilder yaml = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            yaml.append("      - record: dashboard:query_").append(i).append('\n');
            yaml.append("        expr: ")
                    .append(JSON.writeValueAsString(queries.get(i)))
                    .append('\n');
        }
        Path rules = directory.resolve("dashboards.rules.yaml");
        Files.writeString(rules, yaml);
        return rules;
    }

    record Promtool(int exitCode, String output) {

        static Promtool run(List<String> arguments) throws Exception {
            List<String> command = new ArrayList<>(List.of("promtool"));
            command.addAll(arguments);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Promtool(process.exitValue(), output);
        }
    }
}
