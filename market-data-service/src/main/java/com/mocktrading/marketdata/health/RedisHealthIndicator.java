package com.mocktrading.marketdata.health;

import com.mocktrading.marketdata.fanout.RedisChannelHub;
import com.mocktrading.platform.store.LazyRedisConnection;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Ready when commands get answers and the shared Pub/Sub connection is up: both are needed to serve clients. */
public final class RedisHealthIndicator implements ReactiveHealthIndicator {

    private final LazyRedisConnection commands;
    private final RedisChannelHub<?> hub;
    private final Duration timeout;

    public RedisHealthIndicator(LazyRedisConnection commands, RedisChannelHub<?> hub, Duration timeout) {
        this.commands = commands;
        this.hub = hub;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        if (!hub.isConnected()) {
            return Mono.just(Health.down().withDetail("pubsub", "disconnected").build());
        }
        // get() may have to connect, which blocks: not on the event loop.
        return Mono.fromCompletionStage(() -> commands.get().async().ping())
                .subscribeOn(Schedulers.boundedElastic())
                .map(pong -> Health.up().build())
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }
}
