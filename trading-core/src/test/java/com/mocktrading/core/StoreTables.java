package com.mocktrading.core;

import com.mocktrading.core.dynamodb.TableDefinitions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates the store's tables on the shared DynamoDB Local of the test JVM. */
public final class StoreTables {

    private StoreTables() {}

    public static synchronized void create(DynamoDbClient dynamo) {
        TableDefinitions.all().forEach(definition -> {
            try {
                dynamo.createTable(definition);
            } catch (ResourceInUseException exists) {
                // another test class created it
            }
        });
    }
}
