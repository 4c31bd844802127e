package com.mocktrading.marketdata.config;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import com.mocktrading.marketdata.fanout.RedisChannelHub;
import com.mocktrading.marketdata.feed.PriceFeedWriter;
import com.mocktrading.marketdata.health.KafkaHealthIndicator;
import com.mocktrading.marketdata.health.RedisHealthIndicator;
import com.mocktrading.marketdata.kafka.ConsumerReadiness;
import com.mocktrading.marketdata.kafka.EventBatchListener;
import com.mocktrading.marketdata.orders.OrderUpdateRelay;
import com.mocktrading.marketdata.symbols.SymbolDirectory;
import com.mocktrading.platform.store.LazyRedisConnection;
import com.mocktrading.platform.store.StoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the two streams: {@code market_data} -> price cache + {@code prices:{symbol}}, and
 * {@code trade_executed} -> {@code orders:{userId}}; each a consumer group, so instances share the partitions,
 * while Redis Pub/Sub delivers every message to every instance that has a client for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketDataProperties.class)
class MarketDataConfiguration {

    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    SymbolDirectory symbolDirectory(MarketDataProperties properties) {
        return new SymbolDirectory(properties.universeSize());
    }

    @Bean
    ConsumerReadiness pricesConsumerReadiness() {
        return new ConsumerReadiness();
    }

    @Bean
    ConsumerReadiness ordersConsumerReadiness() {
        return new ConsumerReadiness();
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> marketDataContainer(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            MarketDataProperties properties,
            PriceCache prices,
            ConsumerReadiness pricesConsumerReadiness,
            MeterRegistry meters) {
        PriceFeedWriter writer = new PriceFeedWriter(
                prices,
                Clock.systemUTC(),
                properties.maxFeedClockSkew(),
                meters.counter("marketdata.events.consumed", "topic", Topics.MARKET_DATA.name(), "result", "future"));
        return container(
                bootstrapServers,
                properties.pricesConsumerGroup(),
                new EventBatchListener<>(
                        Topics.MARKET_DATA,
                        events -> writer.write(
                                events.stream().map(EventEnvelope::payload).toList()),
                        properties.batchTimeout(),
                        meters),
                Topics.MARKET_DATA,
                pricesConsumerReadiness,
                meters);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> tradeExecutedContainer(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            MarketDataProperties properties,
            LazyRedisConnection redis,
            ConsumerReadiness ordersConsumerReadiness,
            MeterRegistry meters) {
        // The agent's tracer (a no-op one without the agent).
        OrderUpdateRelay relay =
                new OrderUpdateRelay(() -> redis.get().async(), GlobalOpenTelemetry.getTracer("market-data-service"));
        return container(
                bootstrapServers,
                properties.ordersConsumerGroup(),
                new EventBatchListener<>(Topics.TRADE_EXECUTED, relay::relay, properties.batchTimeout(), meters),
                Topics.TRADE_EXECUTED,
                ordersConsumerReadiness,
                meters);
    }

    /**
     * A new group starts at the end: old ticks are stale and old outcomes were for connections long gone. Only
     * committed transactions are read (the execution job writes transactionally). A failed batch is retried with
     * backoff for as long as it takes, never skipped.
     */
    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            String bootstrapServers,
            String group,
            EventBatchListener<?> listener,
            Topic<?> topic,
            ConsumerReadiness readiness,
            MeterRegistry meters) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.CLIENT_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                500,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000);
        DefaultKafkaConsumerFactory<String, byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        // The consumers' own metrics, records-lag-max among them: the lag per group on the dashboards and alerts.
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        ContainerProperties containerProperties = new ContainerProperties(topic.name());
        containerProperties.setMessageListener(listener);
        containerProperties.setConsumerRebalanceListener(readiness);
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(5_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return container;
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "market-data-service.health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) KAFKA_CALL_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) KAFKA_CALL_TIMEOUT.toMillis()));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaAdmin, List<ConsumerReadiness> consumers) {
        return new KafkaHealthIndicator(kafkaAdmin, consumers, KAFKA_CALL_TIMEOUT);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(
            LazyRedisConnection redis, RedisChannelHub<?> hub, StoreProperties stores) {
        return new RedisHealthIndicator(redis, hub, stores.redisCommandTimeout().multipliedBy(2));
    }
}
