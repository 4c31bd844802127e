package com.mocktrading.platform.store;

import com.mocktrading.core.dynamodb.TableDefinitions;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stores are and how long a call to them may take.
 *
 * @param dynamoDbEndpoint DynamoDB Local's URL; empty for the real service (region and credentials from the
 *     environment, as on AWS)
 * @param dynamoDbCallTimeout a whole call, the SDK's retries included
 * @param dynamoDbAttemptTimeout one attempt: generous, so a store slowed by load is waited for rather than
 *     reported down, short enough that a dead connection is retried within the call
 * @param redisUri e.g. {@code redis://localhost:6379}
 */
@ConfigurationProperties("mocktrading.store")
public record StoreProperties(
        URI dynamoDbEndpoint,
        @DefaultValue("us-east-1") String dynamoDbRegion,
        @DefaultValue("4s") Duration dynamoDbCallTimeout,
        @DefaultValue("2s") Duration dynamoDbAttemptTimeout,
        @DefaultValue("64") int dynamoDbMaxConnections,
        @DefaultValue(TableDefinitions.PORTFOLIOS) String portfoliosTable,
        @DefaultValue(TableDefinitions.FUNDING) String fundingTable,
        @DefaultValue(TableDefinitions.ORDERS) String ordersTable,
        @DefaultValue(TableDefinitions.IDEMPOTENCY_KEYS) String idempotencyTable,
        @DefaultValue("redis://localhost:6379") String redisUri,
        @DefaultValue("500ms") Duration redisCommandTimeout,
        @DefaultValue("1s") Duration redisConnectTimeout) {}
