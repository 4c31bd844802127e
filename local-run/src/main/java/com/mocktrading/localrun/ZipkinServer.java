package com.mocktrading.localrun;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The trace UI of the local run: Zipkin's server (its executable jar), on loopback, keeping spans in memory (a
 * restart forgets them, as a learning run can). Every service and job sends its spans to {@link #spansUrl()}.
 */
final class ZipkinServer extends ProcessBackedServer {

    private final Path jar;
    private final int port;
    private final Path logFile;

    ZipkinServer(Path jar, int port, Path logFile) {
        super(Duration.ofSeconds(120), Duration.ofSeconds(10));
        this.jar = jar;
        this.port = port;
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return "zipkin";
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Where spans are posted (Zipkin's v2 JSON API), which the agents and the jobs' exporters take. */
    String spansUrl() {
        return endpoint() + "/api/v2/spans";
    }

    @Override
    protected ManagedProcess prepare() {
        if (!Files.isRegularFile(jar)) {
            throw new PrerequisiteMissingException(
                    jar + " is missing: build the project first (./run-local.sh does, or ./mvnw install -DskipTests)");
        }
        return ManagedProcess.named(name())
                .command(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toString(),
                        // Armeria's own port list: the one way to bind Zipkin to loopback only.
                        "--armeria.ports[0].ip=127.0.0.1",
                        "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].protocols=http"))
                .environment("STORAGE_TYPE", "mem")
                .environment("MEM_MAX_SPANS", "200000")
                .logFile(logFile)
                .build();
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(endpoint() + "/health");
    }
}
