package com.mocktrading.localstack.dynamodb;

import com.mocktrading.localstack.LocalServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local as its clients reach it: a server here, or a container where Docker runs. */
public interface DynamoDbEndpoint extends LocalServer {

    /** The endpoint override for the AWS SDK, e.g. {@code http://127.0.0.1:8000}. */
    String endpointUrl();

    /** A synchronous client for this server; DynamoDB Local accepts any credentials. */
    default DynamoDbClient client() {
        return DynamoDbLocalServer.clientFor(endpointUrl());
    }
}
