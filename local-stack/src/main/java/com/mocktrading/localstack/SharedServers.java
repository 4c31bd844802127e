package com.mocktrading.localstack;

import com.mocktrading.localstack.clickhouse.ClickHouseEndpoint;
import com.mocktrading.localstack.clickhouse.ClickHouseServer;
import com.mocktrading.localstack.containers.ClickHouseContainerServer;
import com.mocktrading.localstack.containers.DynamoDbContainerServer;
import com.mocktrading.localstack.containers.ElasticsearchContainerServer;
import com.mocktrading.localstack.containers.KafkaContainerServer;
import com.mocktrading.localstack.containers.RedisContainerServer;
import com.mocktrading.localstack.containers.TestServerSource;
import com.mocktrading.localstack.dynamodb.DynamoDbEndpoint;
import com.mocktrading.localstack.dynamodb.DynamoDbLocalServer;
import com.mocktrading.localstack.elasticsearch.ElasticsearchEndpoint;
import com.mocktrading.localstack.elasticsearch.ElasticsearchServer;
import com.mocktrading.localstack.kafka.KafkaEndpoint;
import com.mocktrading.localstack.kafka.KafkaServer;
import com.mocktrading.localstack.redis.RedisEndpoint;
import com.mocktrading.localstack.redis.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The servers of a test JVM: each starts on first use, on free ports, at most once per JVM, with its data in
 * a temporary directory; all are stopped and their data deleted when the JVM exits, also after a failure.
 * Test classes share them and isolate themselves by naming (own topics, tables, keys, indices). They are real
 * servers as processes here unless {@code -Dmocktrading.test-servers=testcontainers} asks for containers of the
 * same servers' images ({@link TestServerSource}).
 */
public final class SharedServers {

    private static Path root;
    private static final TestServerSource SOURCE = TestServerSource.chosen();
    private static KafkaEndpoint kafka;
    private static DynamoDbEndpoint dynamoDb;
    private static RedisEndpoint redis;
    private static ElasticsearchEndpoint elasticsearch;
    private static ClickHouseEndpoint clickHouse;

    private SharedServers() {}

    public static synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            kafka = started(
                    containers()
                            ? new KafkaContainerServer()
                            : new KafkaServer(FreePorts.next(), FreePorts.next(), directory("kafka")));
        }
        return kafka;
    }

    public static synchronized DynamoDbEndpoint dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = started(
                    containers() ? new DynamoDbContainerServer() : new DynamoDbLocalServer(FreePorts.next(), null));
        }
        return dynamoDb;
    }

    public static synchronized RedisEndpoint redis() {
        if (redis == null) {
            redis = started(
                    containers()
                            ? new RedisContainerServer()
                            : new RedisServer(FreePorts.next(), directory("redis"), false));
        }
        return redis;
    }

    public static synchronized ElasticsearchEndpoint elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = started(
                    containers()
                            ? new ElasticsearchContainerServer()
                            : new ElasticsearchServer(
                                    FreePorts.next(), FreePorts.next(), directory("elasticsearch"), "512m"));
        }
        return elasticsearch;
    }

    public static synchronized ClickHouseEndpoint clickHouse() {
        if (clickHouse == null) {
            clickHouse = started(
                    containers()
                            ? new ClickHouseContainerServer()
                            : new ClickHouseServer(FreePorts.next(), FreePorts.next(), directory("clickhouse")));
        }
        return clickHouse;
    }

    private static boolean containers() {
        return SOURCE == TestServerSource.TESTCONTAINERS;
    }

    /** Starts a server of the caller's own kind under the same lifecycle (used for optional Flink). */
    public static synchronized <S extends LocalServer> S startShared(Function<Path, S> factory, String name) {
        return started(factory.apply(directory(name)));
    }

    /** A fresh directory under this JVM's temporary root, deleted at exit. */
    public static synchronized Path directory(String name) {
        try {
            if (root == null) {
                // Under /tmp rather than the build directory: the unprivileged Elasticsearch user must reach it.
                Path base = Path.of(System.getProperty("java.io.tmpdir"), "mock-trading-tests");
                Files.createDirectories(base);
                base.toFile().setWritable(true, false);
                base.toFile().setExecutable(true, false);
                root = Files.createTempDirectory(base, ProcessHandle.current().pid() + "-");
                root.toFile().setReadable(true, false);
                root.toFile().setExecutable(true, false);
                ShutdownHooks.deleteAtExit(root);
            }
            Path directory = Files.createTempDirectory(root, name + "-");
            directory.toFile().setReadable(true, false);
            directory.toFile().setExecutable(true, false);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a test directory for " + name, e);
        }
    }

    private static <S extends LocalServer> S started(S server) {
        ShutdownHooks.stopAtExit(server);
        server.start();
        return server;
    }
}
