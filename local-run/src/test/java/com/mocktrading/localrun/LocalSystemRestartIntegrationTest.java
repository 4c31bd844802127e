package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local run twice in a row over one data directory: everything comes up, goes down, and keeps its data. */
class LocalSystemRestartIntegrationTest {

    private final LocalSystemSettings settings =
            LocalSystemSettings.onFreePorts(SharedServers.directory("local-run"), null);

    @Test
    void keepsEveryStoresDataAcrossAStopAndAStartAndLeavesNoProcessBehind() throws Exception {
        // Given a first run in which something is written to every store
        Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
        List<ProcessHandle> childrenOfFirstRun;
        try (LocalSystem stack = new LocalSystem(settings)) {
            stack.start();
            writeToEveryStore(stack);
            childrenOfFirstRun = ProcessHandle.current()
                    .descendants()
                    .filter(process -> !before.contains(process))
                    .toList();
        }

        // When it is stopped, then nothing it started is left running
        assertThat(childrenOfFirstRun).isNotEmpty().noneMatch(ProcessHandle::isAlive);

        // And a second run over the same directory finds all of it again
        try (LocalSystem stack = new LocalSystem(settings)) {
            List<String> schemaReport = stack.start();
            assertThat(stack.servers())
                    .extracting(LocalServer::name)
                    .containsExactly("kafka", "dynamodb", "redis", "elasticsearch", "clickhouse", "flink");
            assertThat(schemaReport).noneMatch(line -> line.contains("created with"));
            assertEveryStoreKeptItsData(stack);
        }
    }

    private static void writeToEveryStore(LocalSystem stack) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("market_data", "KEPT", "kept-record"))
                    .get();
        }
        try (DynamoDbClient dynamo = stack.dynamoDb().client()) {
            dynamo.putItem(b -> b.tableName("Portfolios")
                    .item(Map.of(
                            "userId",
                            AttributeValue.fromS("kept-user"),
                            "cashBalance",
                            AttributeValue.fromN("123.45"))));
        }
        RedisClient redis = RedisClient.create(stack.redis().uri());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().set("price:KEPT", "42.0001");
        } finally {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        try (RestClient rest = RestClient.builder(
                        HttpHost.create(stack.elasticsearch().httpUrl()))
                .build()) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            client.index(i -> i.index("trading_trades-2026-11").id("kept").document(Map.of("eventId", "kept")));
        }
        try (Client client = clickHouse(stack)) {
            client.query("INSERT INTO trading_trades (event_id, symbol, side, quantity, status, execution_time)"
                            + " VALUES ('kept', 'KEPT', 'BUY', 1, 'EXECUTED', '2026-11-24 03:00:00')")
                    .get(30, TimeUnit.SECONDS)
                    .close();
        }
    }

    private static void assertEveryStoreKeptItsData(LocalSystem stack) throws Exception {
        List<String> records = TopicReader.readCommitted(stack.kafka().bootstrapServers())
                .readValues("market_data", 1, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(records).containsExactly("kept-record");
        try (DynamoDbClient dynamo = stack.dynamoDb().client()) {
            assertThat(dynamo.getItem(b -> b.tableName("Portfolios")
                                    .key(Map.of("userId", AttributeValue.fromS("kept-user")))
                                    .consistentRead(true))
                            .item()
                            .get("cashBalance")
                            .n())
                    .isEqualTo("123.45");
        }
        RedisClient redis = RedisClient.create(stack.redis().uri());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            assertThat(connection.sync().get("price:KEPT")).isEqualTo("42.0001");
        } finally {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        try (RestClient rest = RestClient.builder(
                        HttpHost.create(stack.elasticsearch().httpUrl()))
                .build()) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            assertThat(client.exists(e -> e.index("trading_trades-2026-11").id("kept"))
                            .value())
                    .isTrue();
        }
        try (Client client = clickHouse(stack);
                QueryResponse response = client.query("SELECT count() AS kept FROM trading_trades"
                                + " WHERE event_id = 'kept' FORMAT JSONEachRow")
                        .get(30, TimeUnit.SECONDS)) {
            assertThat(new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo("{\"kept\":\"1\"}");
        }
    }

    private static Client clickHouse(LocalSystem stack) {
        return new Client.Builder()
                .addEndpoint(stack.clickHouse().httpUrl())
                .setUsername("default")
                .setPassword("")
                .compressServerResponse(false)
                .build();
    }
}
