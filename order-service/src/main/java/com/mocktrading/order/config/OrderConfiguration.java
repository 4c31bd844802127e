package com.mocktrading.order.config;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.order.AcceptanceRules;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.events.kafka.EventKafkaSerializer;
import com.mocktrading.order.placement.IntakeTimeouts;
import com.mocktrading.order.placement.OrderIntake;
import com.mocktrading.order.placement.OrderPlacement;
import com.mocktrading.order.placement.PerUserInFlight;
import com.mocktrading.order.placement.idempotency.IdempotencyStore;
import com.mocktrading.order.placement.kafka.KafkaOrderPublisher;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.store.StoreProperties;
import com.mocktrading.platform.warmup.WarmUpStep;
import com.mocktrading.tracing.TraceContexts;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires order placement: the plain-Java pieces, the Kafka producer and the idempotency store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    /** A user no request can be: the warm-up's reads find nothing. */
    private static final String WARM_UP_USER = "warm-up";

    /**
     * Idempotent, acks=all, no batching delay (acceptance latency), and bounded waits so that a down broker
     * turns into a prompt 503 instead of a hanging request.
     */
    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, EventEnvelope<TradeOrderPayload>> orderProducerFactory(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                3000,
                ProducerConfig.CLIENT_ID_CONFIG,
                "order-service");
        return new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), EventKafkaSerializer.forTopic(Topics.TRADE_ORDERS));
    }

    @Bean
    KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> orderKafkaTemplate(
            DefaultKafkaProducerFactory<String, EventEnvelope<TradeOrderPayload>> factory) {
        KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> template = new KafkaTemplate<>(factory);
        template.setObservationEnabled(true);
        return template;
    }

    /** The reads of order placement, before the service reports ready: topic metadata, portfolio, order, price. */
    @Bean
    WarmUpStep orderPlacementReads(
            KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka,
            PortfolioStore portfolios,
            OrderStore orders,
            PriceCache prices) {
        return () -> {
            kafka.partitionsFor(Topics.TRADE_ORDERS.name());
            portfolios.find(WARM_UP_USER, PortfolioStore.Consistency.STRONG);
            orders.find(WARM_UP_USER);
            prices.latest("WARMUP");
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdempotencyStore idempotencyStore(DynamoDbClient dynamo, StoreProperties stores, OrderProperties orders) {
        return new IdempotencyStore(
                dynamo, stores.idempotencyTable(), orders.idempotencyLease(), orders.idempotencyRetention());
    }

    @Bean
    OrderPlacement orderPlacement(
            PriceCache prices,
            PortfolioStore portfolios,
            OrderStore orderStore,
            KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka,
            DependencyCalls calls,
            OrderProperties properties,
            @Value("${mocktrading.portfolio.starting-cash}") BigDecimal startingCash,
            Clock clock) {
        return new OrderPlacement(
                prices,
                portfolios,
                orderStore,
                new KafkaOrderPublisher(kafka),
                calls,
                new AcceptanceRules(properties.priceStaleness()),
                startingCash,
                clock,
                // The request's span (the agent's), carried in the event so that execution joins the trace.
                TraceContexts::current);
    }

    @Bean
    OrderIntake orderIntake(
            OrderPlacement placement,
            IdempotencyStore idempotency,
            DependencyCalls calls,
            Clock clock,
            OrderProperties properties,
            StoreProperties stores,
            BulkheadRegistry bulkheads) {
        return new OrderIntake(
                placement,
                idempotency,
                calls,
                clock,
                new IntakeTimeouts(
                        properties.requestDeadline(),
                        properties.kafkaAcknowledgementTimeout(),
                        stores.dynamoDbCallTimeout(),
                        properties.inProgressWait()),
                new PerUserInFlight(properties.maxInFlightPerUser()),
                bulkheads.bulkhead("order-placement"));
    }
}
