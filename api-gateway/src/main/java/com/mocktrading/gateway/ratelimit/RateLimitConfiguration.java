package com.mocktrading.gateway.ratelimit;

import com.mocktrading.platform.reactive.ReactiveProblemWriter;
import com.mocktrading.platform.store.LazyRedisConnection;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter's Redis (one multiplexed connection, opened on first use so the gateway starts and serves while
 * Redis is down) and its buckets: per user {@code mocktrading.gateway.rate-limit.capacity} requests at once,
 * refilled at {@code .refill-per-second}; per client address {@code .per-address-capacity} and
 * {@code .per-address-refill-per-second}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient rateLimitRedis(
            @Value("${mocktrading.gateway.rate-limit.redis-uri}") String uri,
            @Value("${mocktrading.gateway.rate-limit.redis-timeout:200ms}") Duration timeout) {
        RedisClient client = RedisClient.create(RedisURI.create(uri));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    LazyRedisConnection rateLimitConnection(RedisClient rateLimitRedis) {
        return new LazyRedisConnection(rateLimitRedis);
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            LazyRedisConnection rateLimitConnection,
            @Value("${mocktrading.gateway.rate-limit.capacity:20}") int capacity,
            @Value("${mocktrading.gateway.rate-limit.refill-per-second:10}") double refillPerSecond,
            @Value("${mocktrading.gateway.rate-limit.redis-timeout:200ms}") Duration timeout,
            ReactiveProblemWriter problems,
            MeterRegistry meters) {
        return new RateLimitFilter(
                rateLimit(rateLimitConnection, capacity, refillPerSecond, timeout, problems, meters, "user"));
    }

    @Bean
    AddressRateLimitFilter addressRateLimitFilter(
            LazyRedisConnection rateLimitConnection,
            @Value("${mocktrading.gateway.rate-limit.per-address-capacity:200}") int capacity,
            @Value("${mocktrading.gateway.rate-limit.per-address-refill-per-second:100}") double refillPerSecond,
            @Value("${mocktrading.gateway.rate-limit.redis-timeout:200ms}") Duration timeout,
            ReactiveProblemWriter problems,
            MeterRegistry meters) {
        return new AddressRateLimitFilter(
                rateLimit(rateLimitConnection, capacity, refillPerSecond, timeout, problems, meters, "address"));
    }

    private static RateLimit rateLimit(
            LazyRedisConnection connection,
            int capacity,
            double refillPerSecond,
            Duration redisTimeout,
            ReactiveProblemWriter problems,
            MeterRegistry meters,
            String scope) {
        TokenBucket bucket = new TokenBucket(() -> connection.get().async(), capacity, refillPerSecond);
        return new RateLimit(bucket, redisTimeout.multipliedBy(2), problems, meters, scope);
    }
}
