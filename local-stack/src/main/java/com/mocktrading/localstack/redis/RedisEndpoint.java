package com.mocktrading.localstack.redis;

import com.mocktrading.localstack.LocalServer;

/** A Redis server as its clients reach it: a process here, or a container where Docker runs. */
public interface RedisEndpoint extends LocalServer {

    /** {@code redis://host:port} for Lettuce. */
    String uri();
}
