package com.mocktrading.localstack;

/** A real server this project runs for its tests and its local run. */
public interface LocalServer extends AutoCloseable {

    /** Short name used in logs and in the local run's listing, e.g. {@code kafka}. */
    String name();

    /** Starts the server and returns once it answers real requests. */
    void start();

    /** Stops the server and everything it started; safe to call twice or when never started. */
    void stop();

    boolean isRunning();

    /** Where clients reach it, e.g. {@code 127.0.0.1:9092}; only meaningful while running. */
    String endpoint();

    @Override
    default void close() {
        stop();
    }
}
