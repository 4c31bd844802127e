package com.mocktrading.marketdata.streaming;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.WAIT;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.awaitUntil;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.connect;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isType;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.priceIn;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.publishOutcome;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.redis.RedisServer;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.support.MarketDataTestSupport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Two instances in one consumer group: each consumes half of the partitions, yet a client on either instance
 * gets every symbol's prices (through Redis Pub/Sub), and a user's order updates reach that user's connections
 * on whichever instance and nobody else's. Their own Redis: Pub/Sub is server-wide, and the other test contexts
 * of this JVM (other consumer groups) would publish every order update a second time into a shared one.
 */
class TwoInstancesIntegrationTest {

    private static final List<String> SYMBOLS =
            SymbolUniverse.of(10, 0).stream().map(Listing::symbol).toList();
    private static final RedisServer REDIS =
            new RedisServer(FreePorts.next(), SharedServers.directory("market-data-two-instances"), false);
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws InterruptedException {
        REDIS.start();
        String kafka = SharedServers.kafka().bootstrapServers();
        MarketDataTestSupport.createTopics(kafka);
        String group = "md-two-instances-" + UUID.randomUUID();
        first = start(kafka, group);
        second = start(kafka, group);
        awaitUntil(
                Duration.ofSeconds(60),
                "the split of the partitions",
                () -> assigned(first).size() + assigned(second).size() == Topics.PARTITIONS
                        && !assigned(first).isEmpty()
                        && !assigned(second).isEmpty());
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
        REDIS.stop();
    }

    @Test
    void clientsOnEitherInstanceGetEverySymbolWhicheverInstanceConsumedIt() throws Exception {
        Set<Integer> consumedByFirst = new HashSet<>();
        assigned(first).forEach(partition -> consumedByFirst.add(partition.partition()));
        Set<Boolean> consumers = SYMBOLS.stream()
                .map(symbol -> consumedByFirst.contains(partitionOf(symbol)))
                .collect(Collectors.toSet());
        assertThat(consumers).as("the symbols are consumed by both instances").containsExactlyInAnyOrder(true, false);

        String subscribe = SYMBOLS.stream()
                .map(symbol -> "\"prices:" + symbol + "\"")
                .collect(Collectors.joining(",", "{\"type\":\"subscribe\",\"topics\":[", "]}"));
        try (WebSocketTestClient onFirst = connect(port(first), newUser());
                WebSocketTestClient onSecond = connect(port(second), newUser())) {
            onFirst.send(subscribe);
            onSecond.send(subscribe);
            onFirst.await(frame -> isType(frame, "subscribed"), WAIT);
            onSecond.await(frame -> isType(frame, "subscribed"), WAIT);

            // Newer than anything cached by earlier tests, within the feed clock skew the service accepts.
            Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < SYMBOLS.size(); i++) {
                publishPrice(SharedServers.kafka().bootstrapServers(), SYMBOLS.get(i), "7" + i + ".1234", at);
            }

            Set<String> expected = new HashSet<>();
            for (int i = 0; i < SYMBOLS.size(); i++) {
                expected.add("prices:" + SYMBOLS.get(i) + "=7" + i + ".1234");
            }
            for (WebSocketTestClient client : List.of(onFirst, onSecond)) {
                Set<String> seen = new HashSet<>();
                while (!seen.containsAll(expected)) {
                    String frame = client.poll(WAIT);
                    assertThat(frame)
                            .as("only %s of %s arrived", seen, expected)
                            .isNotNull();
                    if (isType(frame, "price_update")) {
                        seen.add(json(frame).path("topic").asString() + "=" + priceIn(frame));
                    }
                }
            }
        }
    }

    @Test
    void orderUpdatesFollowTheirOwnerAcrossInstances() throws Exception {
        String alice = newUser();
        String bob = newUser();
        try (WebSocketTestClient aliceOnFirst = subscribedToOrders(port(first), alice);
                WebSocketTestClient aliceOnSecond = subscribedToOrders(port(second), alice);
                WebSocketTestClient bobOnSecond = subscribedToOrders(port(second), bob)) {
            List<String> aliceOrders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                aliceOrders.add(publish(alice));
            }
            String bobOrder = publish(bob);

            for (WebSocketTestClient aliceClient : List.of(aliceOnFirst, aliceOnSecond)) {
                List<String> received = new ArrayList<>();
                for (int i = 0; i < aliceOrders.size(); i++) {
                    String update = aliceClient.await(frame -> isType(frame, "order_update"), WAIT);
                    received.add(json(update).path("payload").path("orderId").asString());
                }
                assertThat(received).containsExactlyElementsOf(aliceOrders);
            }
            String bobUpdate = bobOnSecond.await(frame -> isType(frame, "order_update"), WAIT);
            assertThat(json(bobUpdate).path("payload").path("orderId").asString())
                    .isEqualTo(bobOrder);

            assertThat(bobOnSecond.poll(Duration.ofMillis(500)))
                    .as("nothing of alice's")
                    .isNull();
            assertThat(aliceOnFirst.poll(Duration.ofMillis(100)))
                    .as("nothing of bob's")
                    .isNull();
            assertThat(aliceOnSecond.poll(Duration.ofMillis(100)))
                    .as("nothing of bob's")
                    .isNull();
        }
    }

    private static WebSocketTestClient subscribedToOrders(int port, String user) throws InterruptedException {
        WebSocketTestClient client = connect(port, user);
        client.send("{\"type\":\"subscribe\",\"topics\":[\"orders\"]}");
        client.await(frame -> isType(frame, "subscribed"), WAIT);
        return client;
    }

    private static String publish(String user) {
        String orderId = UUID.randomUUID().toString();
        publishOutcome(
                SharedServers.kafka().bootstrapServers(),
                new TradeExecutedPayload(
                        orderId,
                        user,
                        "ACME",
                        1,
                        Side.BUY,
                        ExecutionStatus.EXECUTED,
                        new BigDecimal("10.00"),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        null));
        return orderId;
    }

    private static ConfigurableApplicationContext start(String kafka, String group) {
        return MarketDataTestSupport.startInstance(
                kafka,
                REDIS.uri(),
                "--mocktrading.market-data.prices-consumer-group=" + group + ".prices",
                "--mocktrading.market-data.orders-consumer-group=" + group + ".orders");
    }

    private static int port(ConfigurableApplicationContext context) {
        return MarketDataTestSupport.portOf(context);
    }

    @SuppressWarnings("unchecked")
    private static List<TopicPartition> assigned(ConfigurableApplicationContext context) {
        ConcurrentMessageListenerContainer<String, byte[]> container =
                context.getBean("marketDataContainer", ConcurrentMessageListenerContainer.class);
        var partitions = container.getAssignedPartitions();
        return partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** The partition Kafka's default partitioner picks for a key. */
    private static int partitionOf(String symbol) {
        return Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % Topics.PARTITIONS;
    }
}
