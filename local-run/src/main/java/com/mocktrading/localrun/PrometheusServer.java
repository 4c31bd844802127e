package com.mocktrading.localrun;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Prometheus (Debian's package, the binary run by the local run itself) on loopback, scraping every service and the
 * Flink cluster's reporter every 5 s, with the project's alert rules loaded; its data kept with the run's.
 */
final class PrometheusServer extends ProcessBackedServer {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final int port;
    private final Path directory;
    private final Path rules;
    private final Map<String, List<String>> targets;
    private final Path logFile;

    /**
     * @param targets each scrape job's name and its {@code http://host:port/path} metrics URLs
     * @param rules the alert rules file the chart installs too
     */
    PrometheusServer(int port, Path directory, Path rules, Map<String, List<String>> targets, Path logFile) {
        super(Duration.ofSeconds(60), Duration.ofSeconds(10));
        this.port = port;
        this.directory = directory;
        this.rules = rules;
        this.targets = Map.copyOf(targets);
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected ManagedProcess prepare() {
        if (!Files.isExecutable(BINARY)) {
            throw new PrerequisiteMissingException(
                    BINARY + " is missing: install Debian's prometheus package (bin/install-prerequisites does)");
        }
        Path configuration = directory.resolve("prometheus.yml");
        try {
            Files.createDirectories(directory);
            Files.writeString(configuration, ScrapeConfiguration.of(targets, rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ManagedProcess.named(name())
                .command(List.of(
                        BINARY.toString(),
                        "--config.file=" + configuration,
                        "--storage.tsdb.path=" + directory.resolve("data"),
                        "--storage.tsdb.retention.time=2d",
                        "--web.listen-address=127.0.0.1:" + port))
                .logFile(logFile)
                .build();
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(endpoint() + "/-/ready");
    }
}
