package com.mocktrading.localrun;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the local run's services are traced: each runs with the OpenTelemetry Java agent, configured by the project's
 * agent properties (the same file the images and the services' tests use), exporting to the run's trace UI if it
 * has one. The agent and Zipkin's jar are put beside the launcher's classes by its build.
 */
final class Telemetry {

    private Telemetry() {}

    static Path agentJar(Path projectDirectory) {
        return projectDirectory.resolve("local-run/target/telemetry/opentelemetry-javaagent.jar");
    }

    static Path zipkinJar(Path projectDirectory) {
        return projectDirectory.resolve("local-run/target/telemetry/zipkin-server.jar");
    }

    /** The alert rules the chart installs (as a PrometheusRule) and the local Prometheus loads. */
    static Path alertRules(Path projectDirectory) {
        return projectDirectory.resolve("deploy/helm/mock-trading/files/prometheus/alerts.yaml");
    }

    static Path agentConfiguration(Path projectDirectory) {
        return projectDirectory.resolve("deploy/otel/agent.properties");
    }

    /** The JVM options that attach the agent. */
    static List<String> agentOptions(Path projectDirectory) {
        return List.of(
                "-javaagent:" + agentJar(projectDirectory),
                "-Dotel.javaagent.configuration-file=" + agentConfiguration(projectDirectory));
    }

    /**
     * The agent's environment for {@code service}: its service name (replicas share it; the agent gives each process
     * an instance id of its own) and where its spans go ({@code spansUrl}); with no trace UI (null) the agent stays
     * off, so a run without tracing (the chaos suite's) pays nothing for it.
     */
    static Map<String, String> environment(String service, String spansUrl) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OTEL_SERVICE_NAME", service);
        if (spansUrl == null) {
            environment.put("OTEL_JAVAAGENT_ENABLED", "false");
        } else {
            environment.put("OTEL_TRACES_EXPORTER", "zipkin");
            environment.put("OTEL_EXPORTER_ZIPKIN_ENDPOINT", spansUrl);
        }
        return environment;
    }
}
