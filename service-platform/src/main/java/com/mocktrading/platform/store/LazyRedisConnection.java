package com.mocktrading.platform.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The service's Redis connection, opened on first use and reopened if it was closed, so that a service can
 * start (and report itself not ready) while Redis is down, and recover by itself once it is back.
 */
public final class LazyRedisConnection implements AutoCloseable {

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public LazyRedisConnection(RedisClient client) {
        this.client = client;
    }

    public synchronized StatefulRedisConnection<String, String> get() {
        if (connection == null || !connection.isOpen()) {
            connection = client.connect();
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
