package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.StackVersions;
import com.mocktrading.localstack.clickhouse.ClickHouseEndpoint;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * ClickHouse's own (current) image with its default user open to this machine, as the tests' ClickHouse process
 * has it; the project's SQL works on both that and the old Debian server the tests run here.
 */
public final class ClickHouseContainerServer extends ContainerServer<GenericContainer<?>>
        implements ClickHouseEndpoint {

    private static final String IMAGE = StackVersions.serverImage("clickhouse");

    static final int HTTP_PORT = 8123;

    public ClickHouseContainerServer() {
        super(
                "clickhouse",
                IMAGE,
                new GenericContainer<>(IMAGE)
                        .withExposedPorts(HTTP_PORT)
                        .withEnv("CLICKHOUSE_SKIP_USER_SETUP", "1")
                        .waitingFor(Wait.forHttp("/ping").forPort(HTTP_PORT).forStatusCode(200)));
    }

    @Override
    public String httpUrl() {
        return "http://" + hostAndPort(HTTP_PORT);
    }
}
