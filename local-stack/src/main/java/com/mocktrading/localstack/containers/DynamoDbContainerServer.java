package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.StackVersions;
import com.mocktrading.localstack.dynamodb.DynamoDbEndpoint;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** AWS's DynamoDB Local image, in memory, one database for every client (as the in-JVM server runs it). */
public final class DynamoDbContainerServer extends ContainerServer<GenericContainer<?>> implements DynamoDbEndpoint {

    private static final String IMAGE = StackVersions.serverImage("dynamodb");

    static final int PORT = 8000;

    public DynamoDbContainerServer() {
        super(
                "dynamodb",
                IMAGE,
                new GenericContainer<>(IMAGE)
                        .withExposedPorts(PORT)
                        .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb")
                        // An unsigned GET is refused with 400: any answer means it listens.
                        .waitingFor(Wait.forHttp("/").forStatusCode(400)));
    }

    @Override
    public String endpointUrl() {
        return "http://" + hostAndPort(PORT);
    }
}
