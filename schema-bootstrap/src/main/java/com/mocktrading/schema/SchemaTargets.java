package com.mocktrading.schema;

import java.util.Map;

/**
 * Where the stores are; a store left null is skipped, so a deployment can bootstrap the stores it owns.
 *
 * @param kafkaBootstrapServers e.g. {@code localhost:9092}
 * @param dynamoDbEndpoint e.g. {@code http://localhost:8000}; {@code aws} for the SDK's default AWS endpoint
 * @param elasticsearchUrl e.g. {@code http://localhost:9200}
 * @param clickHouseUrl HTTP interface, e.g. {@code http://localhost:8123}
 * @param replicationFactor Kafka replication factor and (minus one) Elasticsearch replicas
 */
public record SchemaTargets(
        String kafkaBootstrapServers,
        String dynamoDbEndpoint,
        String elasticsearchUrl,
        String clickHouseUrl,
        short replicationFactor) {

    public SchemaTargets {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, was " + replicationFactor);
        }
    }

    /** Parses {@code --kafka=… --dynamodb=… --elasticsearch=… --clickhouse=… --replication-factor=…}. */
    public static SchemaTargets fromArguments(Map<String, String> arguments) {
        return new SchemaTargets(
                arguments.get("kafka"),
                arguments.get("dynamodb"),
                arguments.get("elasticsearch"),
                arguments.get("clickhouse"),
                Short.parseShort(arguments.getOrDefault("replication-factor", "1")));
    }
}
