package com.mocktrading.localstack.elasticsearch;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import com.mocktrading.localstack.process.UnprivilegedUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Elasticsearch 8 as a child process: single node, security off, loopback only, its own configuration,
 * data and log directories under the given directory. Runs as an unprivileged user when we are root.
 */
public final class ElasticsearchServer extends ProcessBackedServer implements ElasticsearchEndpoint {

    private final int httpPort;
    private final int transportPort;
    private final Path directory;
    private final String heap;

    public ElasticsearchServer(int httpPort, int transportPort, Path directory, String heap) {
        super(Duration.ofSeconds(120), Duration.ofSeconds(30));
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.directory = directory.toAbsolutePath();
        this.heap = heap;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    protected ManagedProcess prepare() {
        Path home = ElasticsearchDistribution.home();
        Path config = prepareDirectories(home);
        return ManagedProcess.named(name())
                .command(UnprivilegedUser.wrap(
                        List.of(home.resolve("bin/elasticsearch").toString())))
                .environment("ES_JAVA_HOME", JavaHomes.forElasticsearch().toString())
                .environment("ES_PATH_CONF", config.toString())
                .environment("ES_TMPDIR", directory.resolve("tmp").toString())
                .environment("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap)
                .environment("HOME", directory.toString())
                .workingDirectory(directory)
                .logFile(directory.resolve("logs/stdout.log"))
                .build();
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s");
    }

    @Override
    public String endpoint() {
        return httpUrl();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Returns the configuration directory, refreshed from the distribution on every start. */
    private Path prepareDirectories(Path home) {
        try {
            Path config = directory.resolve("config");
            for (String sub : List.of("data", "logs", "tmp", "config")) {
                Files.createDirectories(directory.resolve(sub));
            }
            copyTree(home.resolve("config"), config);
            Files.writeString(config.resolve("elasticsearch.yml"), settings());
            UnprivilegedUser.own(directory);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + directory + " for Elasticsearch", e);
        }
    }

    private String settings() {
        return String.join(
                "\n",
                "cluster.name: mock-trading-local",
                "node.name: local",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + directory.resolve("data"),
                "path.logs: " + directory.resolve("logs"),
                "xpack.security.enabled: false",
                // Developer disks are often fuller than a server's: never refuse writes for that here.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "");
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
