package com.mocktrading.localstack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.ServerStartException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Testcontainers test servers as defined, without Docker: each runs the server image of the compose file and the
 * chart (the root POM's) and is configured as the process the tests run here. Where Docker runs with the image, the
 * Redis one is started for real; elsewhere its start must say what it needs.
 */
class ContainerServersTest {

    @Test
    void runsTheServersImagesConfiguredAsTheTestProcesses() {
        KafkaContainerServer kafka = new KafkaContainerServer();
        assertThat(kafka.image()).isEqualTo("apache/kafka:4.2.2");
        assertThat(kafka.container.getEnvMap())
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_ABORT_TIMED_OUT_TRANSACTION_CLEANUP_INTERVAL_MS", "1000");

        DynamoDbContainerServer dynamoDb = new DynamoDbContainerServer();
        assertThat(dynamoDb.image()).isEqualTo("amazon/dynamodb-local:2.6.1");
        assertThat(dynamoDb.container.getExposedPorts()).containsExactly(8000);
        assertThat(dynamoDb.container.getCommandParts()).contains("-inMemory", "-sharedDb");

        RedisContainerServer redis = new RedisContainerServer();
        assertThat(redis.image()).isEqualTo("redis:7.4");
        assertThat(redis.container.getExposedPorts()).containsExactly(6379);

        ElasticsearchContainerServer elasticsearch = new ElasticsearchContainerServer();
        assertThat(elasticsearch.image()).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.21");
        assertThat(elasticsearch.container.getEnvMap())
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("discovery.type", "single-node");

        ClickHouseContainerServer clickHouse = new ClickHouseContainerServer();
        assertThat(clickHouse.image()).isEqualTo("clickhouse/clickhouse-server:25.8");
        assertThat(clickHouse.container.getEnvMap()).containsEntry("CLICKHOUSE_SKIP_USER_SETUP", "1");
        assertThat(clickHouse.container.getExposedPorts()).containsExactly(8123);
    }

    @Test
    void answersWhereDockerHasTheImageAndSaysWhatItNeedsElsewhere() {
        RedisContainerServer redis = new RedisContainerServer();
        try {
            redis.start();
            RedisClient client = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        } catch (ServerStartException e) {
            assertThat(e)
                    .hasMessageContaining("redis:7.4")
                    .hasMessageContaining("-Dmocktrading.test-servers=testcontainers needs a Docker engine");
        } finally {
            redis.stop();
        }
    }
}
