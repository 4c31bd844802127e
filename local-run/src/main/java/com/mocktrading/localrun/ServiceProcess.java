package com.mocktrading.localrun;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.process.FakeTime;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of our Spring Boot services, run from its boot jar as a child process; ready when its readiness probe is UP
 * (on its management port where it has its own, as the gateway does).
 */
final class ServiceProcess extends ProcessBackedServer {

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path logDirectory;
    private volatile Map<String, String> clock = Map.of();

    ServiceProcess(
            String name, Path jar, int port, int managementPort, Map<String, String> environment, Path logDirectory) {
        super(Duration.ofSeconds(90), Duration.ofSeconds(25));
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.logDirectory = logDirectory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected ManagedProcess prepare() {
        if (!Files.isRegularFile(jar)) {
            throw new PrerequisiteMissingException(
                    jar + " is missing: build the project first (./run-local.sh does, or ./mvnw install -DskipTests)");
        }
        ManagedProcess.Builder process = ManagedProcess.named(name)
                .command(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toString()))
                .environment("PORT", Integer.toString(port))
                .workingDirectory(logDirectory)
                .logFile(logDirectory.resolve(name + ".log"));
        if (managementPort != port) {
            process.environment("MANAGEMENT_PORT", Integer.toString(managementPort));
        }
        environment.forEach(process::environment);
        clock.forEach(process::environment);
        return process.build();
    }

    /** From its next start on, the service's wall clock runs {@code ahead} of the machine's (zero: in step). */
    void skewClock(Duration ahead) {
        clock = ahead.isZero() ? Map.of() : FakeTime.environment(ahead);
    }

    /** A faked clock costs: every time call of the JVM goes through libfaketime, so it starts several times slower. */
    @Override
    protected Duration startTimeout() {
        return clock.isEmpty() ? super.startTimeout() : super.startTimeout().multipliedBy(3);
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
    }
}
