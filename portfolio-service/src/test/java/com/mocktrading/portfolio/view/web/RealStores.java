package com.mocktrading.portfolio.view.web;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.schema.SharedSchema;

/**
 * The shared DynamoDB Local and Redis of the test JVM with the system's tables, created once by the same
 * bootstrap the local run and a deployment use. Tests isolate themselves by user ids and symbols of their own.
 */
final class RealStores {

    private RealStores() {}

    static String dynamoDbEndpoint() {
        return SharedServers.dynamoDb().endpointUrl();
    }

    static String redisUri() {
        return SharedServers.redis().uri();
    }

    static void createTables() {
        SharedSchema.on(StoreOption.DYNAMODB);
    }
}
