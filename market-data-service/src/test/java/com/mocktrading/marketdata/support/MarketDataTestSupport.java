package com.mocktrading.marketdata.support;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.kafka.EventKafkaSerializer;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.MarketDataServiceApplication;
import com.mocktrading.platform.TestTokens;
import com.mocktrading.schema.SchemaTargets;
import com.mocktrading.schema.SharedSchema;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real Kafka and Redis for market-data tests, and the small clients the tests drive the service with. */
public final class MarketDataTestSupport {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, KafkaProducer<String, EventEnvelope<MarketDataPayload>>> PRICES = new HashMap<>();
    private static final Map<String, KafkaProducer<String, EventEnvelope<TradeExecutedPayload>>> OUTCOMES =
            new HashMap<>();

    private MarketDataTestSupport() {}

    /** Points the service at the shared servers (topics and tables created) and trusts the test tokens. */
    public static void useSharedServers(DynamicPropertyRegistry registry) {
        createTopics(SharedServers.kafka().bootstrapServers());
        registry.add(
                "spring.kafka.bootstrap-servers", () -> SharedServers.kafka().bootstrapServers());
        registry.add("mocktrading.store.redis-uri", () -> SharedServers.redis().uri());
        registry.add("mocktrading.store.dynamo-db-endpoint", () -> SharedServers.dynamoDb()
                .endpointUrl());
        TestTokens.trustIn(registry);
    }

    public static void createTopics(String bootstrapServers) {
        // The order records, which the service reads to catch up order updates after a Redis blip.
        SharedSchema.on(
                new SchemaTargets(bootstrapServers, SharedServers.dynamoDb().endpointUrl(), null, null, (short) 1));
    }

    /** Another instance of the service, outside the Spring test context cache, on its own port. */
    public static ConfigurableApplicationContext startInstance(String kafka, String redisUri, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + FreePorts.next(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--mocktrading.store.redis-uri=" + redisUri,
                "--mocktrading.store.dynamo-db-endpoint="
                        + SharedServers.dynamoDb().endpointUrl(),
                "--mocktrading.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--mocktrading.security.jwt.issuer=" + TestTokens.issuer()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(MarketDataServiceApplication.class).run(args.toArray(String[]::new));
    }

    public static int portOf(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /** Polls until the condition holds; fails after {@code timeout}. */
    public static void awaitUntil(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    public static String newUser() {
        return "u-" + UUID.randomUUID();
    }

    public static URI marketData(int port, String userId) {
        return URI.create("ws://localhost:" + port + "/marketdata?access_token=" + TestTokens.ISSUER.issue(userId));
    }

    public static WebSocketTestClient connect(int port, String userId) {
        return WebSocketTestClient.connect(marketData(port, userId));
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static boolean isType(String frame, String type) {
        return type.equals(json(frame).path("type").asString());
    }

    /** A price_update frame for {@code topic}. */
    public static boolean isPriceOf(String frame, String topic) {
        JsonNode node = json(frame);
        return "price_update".equals(node.path("type").asString())
                && topic.equals(node.path("topic").asString());
    }

    public static String priceIn(String frame) {
        return json(frame).path("payload").path("price").asString();
    }

    public static HttpResponse<String> get(int port, String path, String userId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (userId != null) {
            request.header("Authorization", TestTokens.bearer(userId));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** Publishes one tick on market_data (as the feed would) and waits for the broker's ack. */
    public static synchronized void publishPrice(String bootstrapServers, String symbol, String price, Instant at) {
        KafkaProducer<String, EventEnvelope<MarketDataPayload>> prices = PRICES.computeIfAbsent(
                bootstrapServers,
                servers -> new KafkaProducer<>(
                        producerConfig(servers),
                        new StringSerializer(),
                        EventKafkaSerializer.forTopic(Topics.MARKET_DATA)));
        MarketDataPayload payload = new MarketDataPayload(symbol, new BigDecimal(price), at);
        send(prices, Topics.MARKET_DATA.name(), symbol, Topics.MARKET_DATA.newEvent("test-feed", payload, null));
    }

    /** Publishes one order outcome on trade_executed (as the execution job would). */
    public static synchronized void publishOutcome(String bootstrapServers, TradeExecutedPayload outcome) {
        KafkaProducer<String, EventEnvelope<TradeExecutedPayload>> outcomes = OUTCOMES.computeIfAbsent(
                bootstrapServers,
                servers -> new KafkaProducer<>(
                        producerConfig(servers),
                        new StringSerializer(),
                        EventKafkaSerializer.forTopic(Topics.TRADE_EXECUTED)));
        send(
                outcomes,
                Topics.TRADE_EXECUTED.name(),
                outcome.userId(),
                Topics.TRADE_EXECUTED.newEvent("test-execution", outcome, null));
    }

    private static <V> void send(KafkaProducer<String, V> producer, String topic, String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                10_000);
    }
}
