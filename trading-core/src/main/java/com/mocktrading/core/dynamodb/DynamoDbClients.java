package com.mocktrading.core.dynamodb;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The one way this project builds a DynamoDB client: pooled connections, a timeout on every attempt and on
 * the whole call, one SDK retry (callers that retry idempotent work do so on top), and either DynamoDB Local
 * (an endpoint URL, any credentials) or the real service ({@code null} or {@code "aws"}: region and
 * credentials from the environment, as on AWS).
 */
public final class DynamoDbClients {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private DynamoDbClients() {}

    public static DynamoDbClient create(String endpoint) {
        return create(endpoint, "us-east-1", DEFAULT_CALL_TIMEOUT, DEFAULT_ATTEMPT_TIMEOUT, 50);
    }

    public static DynamoDbClient create(
            String endpoint, String region, Duration callTimeout, Duration attemptTimeout, int maxConnections) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(attemptTimeout)
                        .socketTimeout(attemptTimeout))
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .retryStrategy(retry -> retry.maxAttempts(2)));
        if (isLocal(endpoint)) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    private static boolean isLocal(String endpoint) {
        return endpoint != null && !endpoint.isBlank() && !"aws".equals(endpoint);
    }
}
