package com.mocktrading.localrun;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.process.FakeTime;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of our services as a child process, from its boot jar or its image ({@link ServiceLaunch}); ready when its
 * readiness probe is UP (on its management port where it has its own, as the gateway does).
 */
final class ServiceProcess extends ProcessBackedServer {

    static final String SPRING_READINESS = "/actuator/health/readiness";

    private final String name;
    private final ServiceLaunch launch;
    private final int port;
    private final int managementPort;
    private final String readinessPath;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private volatile Map<String, String> clock = Map.of();

    ServiceProcess(
            String name,
            ServiceLaunch launch,
            int port,
            int managementPort,
            Map<String, String> environment,
            Path logDirectory) {
        this(name, launch, port, managementPort, SPRING_READINESS, environment, logDirectory);
    }

    ServiceProcess(
            String name,
            ServiceLaunch launch,
            int port,
            int managementPort,
            String readinessPath,
            Map<String, String> environment,
            Path logDirectory) {
        super(Duration.ofSeconds(90), Duration.ofSeconds(25));
        this.name = name;
        this.launch = launch;
        this.port = port;
        this.managementPort = managementPort;
        this.readinessPath = readinessPath;
        this.environment = Map.copyOf(environment);
        this.logDirectory = logDirectory;
    }

    @Override
    public String name() {
        return name;
    }

    /** The service this process runs: its name without a replica's number. */
    String service() {
        return name.replaceFirst("-\\d+$", "");
    }

    /** Where Prometheus scrapes this service (its management port), or null for a process without Spring's. */
    String metricsUrl() {
        return SPRING_READINESS.equals(readinessPath)
                ? "http://127.0.0.1:" + managementPort + "/actuator/prometheus"
                : null;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected ManagedProcess prepare() {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("PORT", Integer.toString(port));
        if (managementPort != port) {
            variables.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        }
        variables.putAll(clock);
        ManagedProcess.Builder process = ManagedProcess.named(name)
                .command(launch.command(variables.keySet()))
                .workingDirectory(logDirectory)
                .logFile(logDirectory.resolve(name + ".log"));
        variables.forEach(process::environment);
        return process.build();
    }

    @Override
    protected void stopped() {
        launch.cleanUp();
    }

    /** From its next start on, the service's wall clock runs {@code ahead} of the machine's (zero: in step). */
    void skewClock(Duration ahead) {
        if (!launch.clockCanBeSkewed()) {
            throw new UnsupportedOperationException(name + " runs in a container: its clock is the engine's");
        }
        clock = ahead.isZero() ? Map.of() : FakeTime.environment(ahead);
    }

    /** A faked clock costs: every time call of the JVM goes through libfaketime, so it starts several times slower. */
    @Override
    protected Duration startTimeout() {
        return clock.isEmpty() ? super.startTimeout() : super.startTimeout().multipliedBy(3);
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(readinessUrl());
    }

    private String readinessUrl() {
        return "http://127.0.0.1:" + managementPort + readinessPath;
    }
}
