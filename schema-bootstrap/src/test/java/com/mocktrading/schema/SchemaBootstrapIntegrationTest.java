package com.mocktrading.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.schema.elasticsearch.ElasticsearchTemplateBootstrap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class SchemaBootstrapIntegrationTest {

    private static final SchemaTargets TARGETS = new SchemaTargets(
            SharedServers.kafka().bootstrapServers(),
            SharedServers.dynamoDb().endpointUrl(),
            SharedServers.elasticsearch().httpUrl(),
            SharedServers.clickHouse().httpUrl(),
            (short) 1);

    private static List<String> firstRun;
    private static List<String> secondRun;

    @BeforeAll
    static void bootstrapTwice() throws Exception {
        firstRun = new SchemaBootstrap(TARGETS).apply();
        secondRun = new SchemaBootstrap(TARGETS).apply();
    }

    @Test
    void secondRunFindsEverythingInPlaceAndChangesNothing() {
        assertThat(firstRun).anyMatch(line -> line.endsWith("created with 12 partitions"));
        assertThat(secondRun)
                .filteredOn(line -> line.startsWith("kafka") || line.startsWith("dynamodb table"))
                .noneMatch(line -> line.contains("created") || line.contains("grown") || line.contains("switched"));
    }

    @Test
    void createsEveryCatalogueTopicWithItsPartitionCount() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TARGETS.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            Topics.all().stream().map(Topic::name).toList())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (Topic<?> topic : Topics.all()) {
                assertThat(topics.get(topic.name()).partitions()).hasSize(topic.partitions());
            }
        }
    }

    @Test
    void createsTheTablesWithTheirKeysAndTheIdempotencyTtl() {
        try (DynamoDbClient dynamo = SharedServers.dynamoDb().client()) {
            assertThat(dynamo.listTables().tableNames())
                    .contains(TableDefinitions.PORTFOLIOS, TableDefinitions.ORDERS, TableDefinitions.IDEMPOTENCY_KEYS);
            assertThat(dynamo.describeTable(b -> b.tableName(TableDefinitions.ORDERS))
                            .table()
                            .globalSecondaryIndexes())
                    .extracting(index -> index.indexName())
                    .containsExactly(TableDefinitions.ORDERS_BY_USER_INDEX);
            assertThat(dynamo.describeTimeToLive(b -> b.tableName(TableDefinitions.IDEMPOTENCY_KEYS))
                            .timeToLiveDescription()
                            .timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @Test
    void monthlyTradeIndicesGetTheStrictTypedMapping() throws Exception {
        try (RestClient rest =
                RestClient.builder(HttpHost.create(TARGETS.elasticsearchUrl())).build()) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            String index = "trading_trades-2026-11";
            client.index(i -> i.index(index)
                    .id("e-1")
                    .document(Map.of(
                            "eventId",
                            "e-1",
                            "symbol",
                            "ACME",
                            "quantity",
                            5,
                            "executionPriceE4",
                            1234567,
                            "executionTimestamp",
                            "2026-11-24T03:00:00.123Z")));

            Map<String, Property> mapping = client.indices()
                    .getMapping(m -> m.index(index))
                    .get(index)
                    .mappings()
                    .properties();
            assertThat(mapping.get("quantity").isLong()).isTrue();
            assertThat(mapping.get("executionTimestamp").isDate()).isTrue();
            assertThat(mapping.get("symbol").isKeyword()).isTrue();
            Throwable unknownField = catchThrowable(() -> client.index(
                    i -> i.index(index).id("e-2").document(Map.of("eventId", "e-2", "surprise", "field"))));
            assertThat(unknownField).hasMessageContaining("strict_dynamic_mapping_exception");
        }
    }

    @Test
    void anIndexCreatedUnderTheOlderTemplateGetsItsNewFieldsAndTakesTheirDocuments() throws Exception {
        try (RestClient rest =
                RestClient.builder(HttpHost.create(TARGETS.elasticsearchUrl())).build()) {
            ElasticsearchClient client =
                    new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            String index = "trading_trades-2020-01";
            // As the index was made before this template: without it (the bootstrap puts it back below).
            client.indices().deleteIndexTemplate(d -> d.name(ElasticsearchTemplateBootstrap.TEMPLATE_NAME));
            client.indices()
                    .create(
                            c -> c.index(index)
                                    .withJson(
                                            new java.io.StringReader(
                                                    "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"eventId\":{\"type\":\"keyword\"}}}}")));
            Map<String, Object> traced = Map.of("eventId", "e-old", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(catchThrowable(
                            () -> client.index(i -> i.index(index).id("e-old").document(traced))))
                    .hasMessageContaining("strict_dynamic_mapping_exception");

            new SchemaBootstrap(TARGETS).apply();

            client.index(i -> i.index(index).id("e-old").document(traced));
            assertThat(client.indices()
                            .getMapping(m -> m.index(index))
                            .get(index)
                            .mappings()
                            .properties()
                            .get("traceId")
                            .isKeyword())
                    .isTrue();
        }
    }

    @Test
    void tradesTableAcceptsExecutedAndFailedTradesWithExactPrices() throws Exception {
        try (Client client = new Client.Builder()
                .addEndpoint(TARGETS.clickHouseUrl())
                .setUsername("default")
                .setPassword("")
                .compressServerResponse(false)
                .build()) {
            String rows =
                    """
                    {"event_id":"e-1","order_id":"o-1","user_id":"u","symbol":"SCHEMA","side":"BUY","quantity":3,\
                    "status":"EXECUTED","execution_price":10.0001,"execution_time":"2026-11-24 03:00:00","execution_millis":123}
                    {"event_id":"e-2","order_id":"o-2","user_id":"u","symbol":"SCHEMA","side":"SELL","quantity":1,\
                    "status":"FAILED_INSUFFICIENT_HOLDINGS","execution_price":null,"execution_time":"2026-11-24 03:00:01",\
                    "execution_millis":0,"failure_reason":"holdings 0 < 1"}
                    """;
            client.insert(
                            "trading_trades",
                            new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
                            ClickHouseFormat.JSONEachRow)
                    .get(30, TimeUnit.SECONDS)
                    .close();
            try (QueryResponse response = client.query("SELECT toString(sum(execution_price * quantity)) AS notional,"
                            + " count() AS trades FROM trading_trades FINAL WHERE symbol = 'SCHEMA' FORMAT JSONEachRow")
                    .get(30, TimeUnit.SECONDS)) {
                assertThat(new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                        .isEqualTo("{\"notional\":\"30.0003\",\"trades\":\"2\"}");
            }
        }
    }
}
