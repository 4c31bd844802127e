package com.mocktrading.execution.functions;

import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.execution.ExecutionJobConfig;
import java.io.Serializable;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where each execution subtask gets its DynamoDB client, made on the task manager when the subtask opens: the SDK's
 * client in the job, and in a recovery test one that fails the way a machine does.
 */
@FunctionalInterface
public interface DynamoDbClientFactory extends Serializable {

    DynamoDbClient create(ExecutionJobConfig config);

    /**
     * The SDK's client for the configured endpoint: 5 s per call, 2 s per attempt, and a connection for every two
     * concurrent executions.
     */
    static DynamoDbClientFactory sdk() {
        return config -> DynamoDbClients.create(
                config.dynamoDbEndpoint(),
                config.dynamoDbRegion(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                config.executorThreads() * 2);
    }
}
