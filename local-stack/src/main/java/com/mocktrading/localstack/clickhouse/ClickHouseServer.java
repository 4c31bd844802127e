package com.mocktrading.localstack.clickhouse;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.process.Commands;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's clickhouse-server (18.16 on bookworm) as a child process with a configuration of our own: its
 * ports, loopback only, data under the given directory, a password-less default user on loopback.
 */
public final class ClickHouseServer extends ProcessBackedServer implements ClickHouseEndpoint {

    private final int httpPort;
    private final int tcpPort;
    private final Path directory;

    public ClickHouseServer(int httpPort, int tcpPort, Path directory) {
        super(Duration.ofSeconds(30), Duration.ofSeconds(15));
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "clickhouse";
    }

    @Override
    protected ManagedProcess prepare() {
        Path binary = Commands.require("clickhouse-server", "clickhouse-server");
        Path config = writeConfiguration();
        return ManagedProcess.named(name())
                .command(List.of(binary.toString(), "--config-file=" + config))
                .workingDirectory(directory)
                .logFile(directory.resolve("logs/stdout.log"))
                .build();
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(httpUrl() + "/ping");
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

    public int tcpPort() {
        return tcpPort;
    }

    @Override
    protected String diagnostics(ManagedProcess failed) {
        return failed.logTail(10) + "\n" + tail(directory.resolve("logs/server.err.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }

    private Path writeConfiguration() {
        try {
            for (String sub : List.of("data", "tmp", "user_files", "format_schemas", "logs", "config")) {
                Files.createDirectories(directory.resolve(sub));
            }
            Path configDirectory = directory.resolve("config");
            Files.writeString(configDirectory.resolve("users.xml"), ClickHouseConfiguration.users());
            Path config = configDirectory.resolve("config.xml");
            Files.writeString(config, ClickHouseConfiguration.server(directory, httpPort, tcpPort));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ClickHouse configuration under " + directory, e);
        }
    }
}
