package com.mocktrading.schema.dynamodb;

import com.mocktrading.core.dynamodb.TableDefinitions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the tables of {@link TableDefinitions} that do not exist yet, waits until they are active, and
 * switches on the idempotency records' TTL. A table that exists with another key schema is reported as an
 * error rather than silently used.
 */
public final class DynamoDbTablesBootstrap {

    private final DynamoDbClient dynamo;

    public DynamoDbTablesBootstrap(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public List<String> apply() {
        List<String> report = new ArrayList<>();
        for (CreateTableRequest definition : TableDefinitions.all()) {
            report.add(ensure(definition));
        }
        report.add(ensureTimeToLive());
        return report;
    }

    private String ensure(CreateTableRequest definition) {
        String table = definition.tableName();
        TableDescription existing = describe(table);
        if (existing != null) {
            if (!existing.keySchema().equals(definition.keySchema())) {
                throw new IllegalStateException("DynamoDB table " + table + " exists with key schema "
                        + existing.keySchema() + ", expected " + definition.keySchema());
            }
            return "dynamodb table " + table + ": exists";
        }
        try {
            dynamo.createTable(definition);
        } catch (ResourceInUseException createdConcurrently) {
            // Another bootstrap won the race: fall through to waiting for it.
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        return "dynamodb table " + table + ": created";
    }

    private String ensureTimeToLive() {
        String table = TableDefinitions.IDEMPOTENCY_KEYS;
        TimeToLiveStatus status = dynamo.describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription()
                .timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return "dynamodb table " + table + ": TTL on " + TableDefinitions.IDEMPOTENCY_TTL_ATTRIBUTE;
        }
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true)
                .attributeName(TableDefinitions.IDEMPOTENCY_TTL_ATTRIBUTE)));
        return "dynamodb table " + table + ": TTL switched on for " + TableDefinitions.IDEMPOTENCY_TTL_ATTRIBUTE;
    }

    private TableDescription describe(String table) {
        try {
            return dynamo.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException missing) {
            return null;
        }
    }
}
