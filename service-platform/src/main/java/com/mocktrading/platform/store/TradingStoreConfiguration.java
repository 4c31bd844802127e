package com.mocktrading.platform.store;

import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.platform.dependency.DependencyCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The store clients of a service that uses the trading domain ({@link EnableTradingStores}): DynamoDB and Redis
 * with timeouts on every call, and the domain stores over them. Redis commands fail fast while disconnected
 * rather than queueing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
class TradingStoreConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(StoreProperties properties) {
        return DynamoDbClients.create(
                properties.dynamoDbEndpoint() == null
                        ? null
                        : properties.dynamoDbEndpoint().toString(),
                properties.dynamoDbRegion(),
                properties.dynamoDbCallTimeout(),
                properties.dynamoDbAttemptTimeout(),
                properties.dynamoDbMaxConnections());
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(StoreProperties properties) {
        RedisURI uri = RedisURI.create(properties.redisUri());
        uri.setTimeout(properties.redisCommandTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(properties.redisConnectTimeout())
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(properties.redisCommandTimeout()))
                .build());
        return client;
    }

    /** One multiplexed connection, as Lettuce intends; connected lazily so a down Redis does not stop startup. */
    @Bean(destroyMethod = "close")
    LazyRedisConnection redisConnection(RedisClient client) {
        return new LazyRedisConnection(client);
    }

    @Bean
    PriceCache priceCache(LazyRedisConnection connection) {
        return new PriceCache(connection::get);
    }

    @Bean
    PortfolioStore portfolioStore(DynamoDbClient dynamo, StoreProperties properties) {
        return new PortfolioStore(dynamo, properties.portfoliosTable(), properties.fundingTable());
    }

    @Bean
    OrderStore orderStore(DynamoDbClient dynamo, StoreProperties properties) {
        return new OrderStore(dynamo, properties.ordersTable());
    }

    @Bean
    DependencyCalls dependencyCalls(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new DependencyCalls(
                breakers, retries, Set.of(ConditionalCheckFailedException.class, TransactionCanceledException.class));
    }
}
