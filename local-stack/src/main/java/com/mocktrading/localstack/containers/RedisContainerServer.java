package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.StackVersions;
import com.mocktrading.localstack.redis.RedisEndpoint;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** Redis's own image without persistence, as the tests' Redis process runs. */
public final class RedisContainerServer extends ContainerServer<GenericContainer<?>> implements RedisEndpoint {

    private static final String IMAGE = StackVersions.serverImage("redis");

    static final int PORT = 6379;

    public RedisContainerServer() {
        super(
                "redis",
                IMAGE,
                new GenericContainer<>(IMAGE)
                        .withExposedPorts(PORT)
                        .withCommand("redis-server", "--save", "", "--appendonly", "no")
                        .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1)));
    }

    @Override
    public String uri() {
        return "redis://" + hostAndPort(PORT);
    }
}
