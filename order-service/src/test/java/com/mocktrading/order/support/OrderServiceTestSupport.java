package com.mocktrading.order.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.platform.TestTokens;
import com.mocktrading.schema.SharedSchema;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Real stores for order-service tests, and the small clients the tests drive them with. */
public final class OrderServiceTestSupport {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean bootstrapped;
    private static DynamoDbClient dynamo;
    private static StatefulRedisConnection<String, String> redis;

    private OrderServiceTestSupport() {}

    /** Points the service at the shared real servers (schemas bootstrapped) and trusts the test tokens. */
    public static void useRealServers(DynamicPropertyRegistry registry) {
        bootstrap();
        registry.add(
                "spring.kafka.bootstrap-servers", () -> SharedServers.kafka().bootstrapServers());
        registry.add("mocktrading.store.dynamo-db-endpoint", () -> SharedServers.dynamoDb()
                .endpointUrl());
        registry.add("mocktrading.store.redis-uri", () -> SharedServers.redis().uri());
        TestTokens.trustIn(registry);
    }

    /**
     * The shared real servers, except that {@code property} names an address nobody listens on ({@code scheme}
     * + 127.0.0.1 + a free port): one dependency down, the others up.
     */
    public static void useRealServersWithOneUnreachable(
            DynamicPropertyRegistry registry, String property, String scheme) {
        useRealServers(registry);
        int nobodyListens = FreePorts.next();
        registry.add(property, () -> scheme + "127.0.0.1:" + nobodyListens);
    }

    public static synchronized void bootstrap() {
        if (!bootstrapped) {
            SharedSchema.on(StoreOption.KAFKA, StoreOption.DYNAMODB);
            dynamo = SharedServers.dynamoDb().client();
            redis = RedisClient.create(SharedServers.redis().uri()).connect();
            bootstrapped = true;
        }
    }

    private static final long SYMBOL_SPACE = 101_559_956_668_416L; // 36^9

    public static String newUser() {
        return "u-" + UUID.randomUUID();
    }

    /**
     * A symbol no other test uses: "S" and nine random base-36 digits (the contract allows 10 characters of
     * {@code [A-Z0-9.]}). Random rather than clock-derived, so it neither depends on the machine's uptime nor
     * repeats between tests started in the same tick.
     */
    public static String newSymbol() {
        String digits = Long.toString(ThreadLocalRandom.current().nextLong(SYMBOL_SPACE), 36);
        return "S" + "0".repeat(9 - digits.length()) + digits.toUpperCase(Locale.ROOT);
    }

    public static void price(String symbol, String price, Instant feedTimestamp) {
        bootstrap();
        new PriceCache(() -> redis).update(new LatestPrice(symbol, new BigDecimal(price), feedTimestamp));
    }

    public static void freshPrice(String symbol, String price) {
        price(symbol, price, Instant.now());
    }

    public static void portfolio(String userId, String cash, Map<String, Long> holdings) {
        bootstrap();
        Map<String, BigDecimal> costBasis = new java.util.HashMap<>();
        holdings.keySet().forEach(symbol -> costBasis.put(symbol, BigDecimal.ZERO));
        Portfolio portfolio =
                new Portfolio(userId, new BigDecimal(cash), holdings, costBasis, BigDecimal.ZERO, Instant.now(), 0);
        dynamo.putItem(b -> b.tableName(TableDefinitions.PORTFOLIOS).item(PortfolioItems.toItem(portfolio)));
    }

    public static DynamoDbClient dynamo() {
        bootstrap();
        return dynamo;
    }

    /** The orders of one user that reached trade_orders (committed), oldest first. */
    public static List<EventEnvelope<TradeOrderPayload>> publishedOrdersOf(String userId) {
        return TopicReader.readCommitted(SharedServers.kafka().bootstrapServers())
                .readToEnd(Topics.TRADE_ORDERS.name(), Duration.ofSeconds(30))
                .stream()
                .filter(record -> userId.equals(record.key()))
                .map(record ->
                        Topics.TRADE_ORDERS.serde().deserialize(record.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    public static HttpResponse<String> post(int port, String path, String body, String userId, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (userId != null) {
            request.header("Authorization", TestTokens.bearer(userId));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    public static HttpResponse<String> get(int port, String path, String userId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (userId != null) {
            request.header("Authorization", TestTokens.bearer(userId));
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    public static String order(String symbol, String side, long quantity) {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"quantity\":" + quantity + "}";
    }
}
