package com.mocktrading.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.clickhouse.client.api.Client;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.schema.clickhouse.ClickHouseSchemaBootstrap;
import com.mocktrading.schema.dynamodb.DynamoDbTablesBootstrap;
import com.mocktrading.schema.elasticsearch.ElasticsearchTemplateBootstrap;
import com.mocktrading.schema.kafka.KafkaTopicsBootstrap;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Brings every store's schema to what this version of the system needs: Kafka topics, DynamoDB tables, the
 * Elasticsearch index template and the ClickHouse tables. Idempotent, so tests, the local run and a
 * deployment job can all run it at every start.
 */
public final class SchemaBootstrap {

    private final SchemaTargets targets;

    public SchemaBootstrap(SchemaTargets targets) {
        this.targets = targets;
    }

    /** Applies the schema to every configured store and returns what was done, one line per object. */
    public List<String> apply() throws Exception {
        List<String> report = new ArrayList<>();
        if (targets.kafkaBootstrapServers() != null) {
            report.addAll(
                    new KafkaTopicsBootstrap(targets.kafkaBootstrapServers(), targets.replicationFactor()).apply());
        }
        if (targets.dynamoDbEndpoint() != null) {
            try (DynamoDbClient dynamo = DynamoDbClients.create(targets.dynamoDbEndpoint())) {
                report.addAll(new DynamoDbTablesBootstrap(dynamo).apply());
            }
        }
        if (targets.elasticsearchUrl() != null) {
            try (RestClient rest = RestClient.builder(HttpHost.create(targets.elasticsearchUrl()))
                    .setRequestConfigCallback(c -> c.setConnectTimeout(5_000).setSocketTimeout(30_000))
                    .build()) {
                ElasticsearchClient client =
                        new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
                report.addAll(new ElasticsearchTemplateBootstrap(client, targets.replicationFactor() - 1).apply());
            }
        }
        if (targets.clickHouseUrl() != null) {
            try (Client client = clickHouseClient(targets.clickHouseUrl())) {
                report.addAll(new ClickHouseSchemaBootstrap(client).apply());
            }
        }
        return report;
    }

    /** Plain responses: ClickHouse 18.16 answers a compressed request with an empty body. */
    private static Client clickHouseClient(String url) {
        return new Client.Builder()
                .addEndpoint(url)
                .setUsername("default")
                .setPassword("")
                .compressServerResponse(false)
                .setConnectTimeout(5_000)
                .setSocketTimeout(60_000)
                .build();
    }
}
