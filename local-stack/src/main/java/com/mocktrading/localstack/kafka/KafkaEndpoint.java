package com.mocktrading.localstack.kafka;

import com.mocktrading.localstack.LocalServer;

/** A Kafka broker as its clients reach it: a process here, or a container where Docker runs. */
public interface KafkaEndpoint extends LocalServer {

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    String bootstrapServers();
}
