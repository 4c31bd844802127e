package com.mocktrading.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRoundTripIntegrationTest {

    private final RedisClient client = RedisClient.create(SharedServers.redis().uri());

    @AfterEach
    void closeClient() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void storesPricesAndDeliversPublishedUpdatesToSubscribers() throws Exception {
        // Given a subscriber on a price channel
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
                StatefulRedisConnection<String, String> connection = client.connect()) {
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + "=" + message);
                }
            });
            subscriber.sync().subscribe("prices:ACME");

            // When a price is cached and published
            connection.sync().set("price:ACME", "123.4567");
            long listeners = connection.sync().publish("prices:ACME", "123.4567");

            // Then the cache holds it exactly and the subscriber received it
            assertThat(connection.sync().get("price:ACME")).isEqualTo("123.4567");
            assertThat(listeners).isEqualTo(1);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("prices:ACME=123.4567");
        }
    }
}
