package com.mocktrading.schema;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
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

    /** The bootstrap's options: where each store is (a store not given is left alone). */
    static final CommandLine COMMAND = CommandLine.command(
                    "schema-bootstrap [options]",
                    "Creates the topics, tables, index template and ClickHouse tables that are missing.")
            .optionalStores(StoreOption.KAFKA)
            .optionalStores(StoreOption.DYNAMODB)
            .optionalStores(StoreOption.ELASTICSEARCH)
            .optionalStores(StoreOption.CLICKHOUSE)
            .option("replication-factor", "N", "of the topics (and index replicas + 1)", "1");

    /** From the command line; the usage ends the program on {@code --help} or an option it does not take. */
    public static SchemaTargets fromCommandLine(String... args) {
        return fromArguments(COMMAND.parseOrExit(args));
    }

    public static SchemaTargets fromArguments(Map<String, String> arguments) {
        return fromArguments(COMMAND.arguments(arguments));
    }

    private static SchemaTargets fromArguments(CommandLine.Arguments arguments) {
        return new SchemaTargets(
                arguments.get(StoreOption.KAFKA),
                arguments.get(StoreOption.DYNAMODB),
                arguments.get(StoreOption.ELASTICSEARCH),
                arguments.get(StoreOption.CLICKHOUSE),
                Short.parseShort(arguments.get("replication-factor")));
    }
}
