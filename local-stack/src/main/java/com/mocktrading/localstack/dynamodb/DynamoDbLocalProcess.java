package com.mocktrading.localstack.dynamodb;

import com.mocktrading.localstack.process.ChildJvm;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoDbLocalServer} in a JVM of its own, with its database file kept in a directory. */
public final class DynamoDbLocalProcess extends ProcessBackedServer {

    private final int port;
    private final Path directory;
    private final Path processLog;

    public DynamoDbLocalProcess(int port, Path directory, Path processLog) {
        super(Duration.ofSeconds(60), Duration.ofSeconds(20));
        this.port = port;
        this.directory = directory.toAbsolutePath();
        this.processLog = processLog;
    }

    /** {@code PORT DIRECTORY}: runs DynamoDB Local until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        DynamoDbLocalServer server = new DynamoDbLocalServer(Integer.parseInt(args[0]), Path.of(args[1]));
        ChildJvm.run(server::start, server::stop);
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public String endpoint() {
        return endpointUrl();
    }

    public String endpointUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A synchronous client for this server. */
    public DynamoDbClient client() {
        return DynamoDbLocalServer.clientFor(endpointUrl());
    }

    @Override
    protected ManagedProcess prepare() {
        return ManagedProcess.named(name())
                .command(ChildJvm.command(
                        "512m",
                        processLog,
                        DynamoDbLocalProcess.class,
                        List.of(Integer.toString(port), directory.toString())))
                .logFile(processLog)
                .build();
    }

    @Override
    protected boolean isReady() {
        try (DynamoDbClient client = DynamoDbLocalServer.clientFor(endpointUrl())) {
            return client.listTables().sdkHttpResponse().isSuccessful();
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
