package com.mocktrading.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** What the chart gives a cluster's tracing and monitoring: the agents' settings, scrape targets, rules, dashboards. */
class ChartTelemetryTest {

    private static final String COLLECTOR = "http://collector.observability:9411/api/v2/spans";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<JsonNode> WITH_EVERYTHING = Chart.render(
            Chart.profiles().get(1),
            Map.of(
                    "tracing.zipkinEndpoint", COLLECTOR,
                    "monitoring.serviceMonitor.enabled", "true",
                    "monitoring.prometheusRule.enabled", "true",
                    "monitoring.dashboards.enabled", "true"));

    @Test
    void everyServiceNamesItselfAndSendsItsSpansToTheCollectorAndEveryJobToo() {
        List<JsonNode> configs = ofKind(WITH_EVERYTHING, "ConfigMap").stream()
                .filter(config -> config.path("data").has("OTEL_SERVICE_NAME"))
                .toList();
        assertThat(configs)
                .extracting(
                        config -> config.path("data").path("OTEL_SERVICE_NAME").asText())
                .containsExactlyInAnyOrderElementsOf(Checkout.SPRING_SERVICES.keySet());
        assertThat(configs).allSatisfy(config -> {
            assertThat(config.path("data").path("OTEL_TRACES_EXPORTER").asText())
                    .isEqualTo("zipkin");
            assertThat(config.path("data").path("OTEL_EXPORTER_ZIPKIN_ENDPOINT").asText())
                    .isEqualTo(COLLECTOR);
        });
        assertThat(ofKind(WITH_EVERYTHING, "FlinkDeployment")).hasSize(2).allSatisfy(job -> {
            assertThat(job.path("spec").path("job").path("args").toString())
                    .contains("\"--zipkin\",\"" + COLLECTOR + "\"");
            assertThat(job.path("spec")
                            .path("flinkConfiguration")
                            .path("metrics.reporter.prom.port")
                            .asText())
                    .isEqualTo("9249");
        });
    }

    @Test
    void withoutACollectorNoSpansAreExported() {
        List<JsonNode> plain = Chart.render(Chart.profiles().get(1), Map.of());

        assertThat(ofKind(plain, "ConfigMap"))
                .filteredOn(config -> config.path("data").has("OTEL_SERVICE_NAME"))
                .hasSize(5)
                .allSatisfy(config -> assertThat(
                                config.path("data").path("OTEL_TRACES_EXPORTER").asText())
                        .isEqualTo("none"));
        assertThat(ofKind(plain, "FlinkDeployment")).allSatisfy(job -> assertThat(
                        job.path("spec").path("job").path("args").toString())
                .doesNotContain("--zipkin"));
        assertThat(plain)
                .noneMatch(manifest -> manifest.path("apiVersion").asText().startsWith("monitoring.coreos.com"));
    }

    @Test
    void everyPodSaysWhereItsMetricsAre() {
        for (JsonNode deployment : ofKind(WITH_EVERYTHING, "Deployment")) {
            JsonNode annotations =
                    deployment.path("spec").path("template").path("metadata").path("annotations");
            String name = deployment.path("metadata").path("name").asText();
            if (name.endsWith("simulator")) {
                continue;
            }
            assertThat(annotations.path("prometheus.io/scrape").asText())
                    .as(name)
                    .isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).as(name).isEqualTo("/actuator/prometheus");
            assertThat(annotations.path("prometheus.io/port").asText())
                    .as(name)
                    .isEqualTo(name.endsWith("api-gateway") ? "8089" : "8080");
        }
    }

    @Test
    void thePrometheusOperatorScrapesEveryServiceAndBothJobs() {
        assertThat(ofKind(WITH_EVERYTHING, "ServiceMonitor")).hasSize(5).allSatisfy(monitor -> assertThat(
                        monitor.path("spec")
                                .path("endpoints")
                                .get(0)
                                .path("path")
                                .asText())
                .isEqualTo("/actuator/prometheus"));
        JsonNode gateway = ofKind(WITH_EVERYTHING, "ServiceMonitor").stream()
                .filter(monitor ->
                        monitor.path("metadata").path("name").asText().endsWith("api-gateway"))
                .findFirst()
                .orElseThrow();
        assertThat(gateway.path("spec").path("endpoints").get(0).path("port").asText())
                .isEqualTo("management");
        JsonNode gatewayService = ofKind(WITH_EVERYTHING, "Service").stream()
                .filter(service ->
                        service.path("metadata").path("name").asText().endsWith("api-gateway"))
                .findFirst()
                .orElseThrow();
        assertThat(gatewayService.path("spec").path("ports").findValuesAsText("name"))
                .contains("management");
        assertThat(ofKind(WITH_EVERYTHING, "PodMonitor")).singleElement().satisfies(monitor -> assertThat(
                        monitor.path("spec")
                                .path("podMetricsEndpoints")
                                .get(0)
                                .path("targetPort")
                                .asInt())
                .isEqualTo(9249));
    }

    @Test
    void theAlertRulesAndDashboardsAreTheFilesPromtoolChecks() throws Exception {
        JsonNode rule = ofKind(WITH_EVERYTHING, "PrometheusRule").get(0);
        assertThat(rule.path("spec")).isEqualTo(Chart.YAML.readTree(MonitoringFilesTest.ALERTS.toFile()));

        List<JsonNode> dashboards = ofKind(WITH_EVERYTHING, "ConfigMap").stream()
                .filter(config -> config.path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asText()
                        .equals("1"))
                .toList();
        assertThat(dashboards).hasSize(5);
        for (JsonNode config : dashboards) {
            String file = config.path("data").fieldNames().next();
            assertThat(JSON.readTree(config.path("data").path(file).asText()))
                    .isEqualTo(JSON.readTree(Files.readString(MonitoringFilesTest.DASHBOARDS.resolve(file))));
        }
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return StreamSupport.stream(manifests.spliterator(), false)
                .filter(manifest -> kind.equals(manifest.path("kind").asText()))
                .toList();
    }
}
