package com.mocktrading.localstack.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.mocktrading.localstack.Readiness;
import com.mocktrading.localstack.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS DynamoDB Local inside this JVM. {@code -sharedDb} makes every client see the same tables whatever
 * credentials and region it uses, as one account would; with no directory the database lives in memory.
 */
public final class DynamoDbLocalServer implements DynamoDbEndpoint {

    private final int port;
    private final Path directory;
    private DynamoDBProxyServer server;

    /** @param directory where the database file is kept, or {@code null} for an in-memory database */
    public DynamoDbLocalServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (directory == null) {
            args.add("-inMemory");
        } else {
            createDirectory();
            args.addAll(List.of("-dbPath", directory.toString()));
        }
        try {
            DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            proxy.start();
            server = proxy;
        } catch (Exception e) {
            throw new ServerStartException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
        try (DynamoDbClient client = client()) {
            Readiness.await(
                    "dynamodb on port " + port,
                    Duration.ofSeconds(30),
                    () -> client.listTables().sdkHttpResponse().isSuccessful(),
                    () -> true,
                    () -> "");
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public String endpoint() {
        return endpointUrl();
    }

    public String endpointUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A synchronous client for DynamoDB Local at {@code endpointUrl}. */
    public static DynamoDbClient clientFor(String endpointUrl) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpointUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .build();
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
