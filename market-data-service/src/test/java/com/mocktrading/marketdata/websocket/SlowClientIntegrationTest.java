package com.mocktrading.marketdata.websocket;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.WAIT;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.awaitUntil;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.connect;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isType;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.marketData;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.prices.PriceView;
import com.mocktrading.marketdata.support.RunningMarketDataService;
import com.mocktrading.redis.RedisChannels;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A client that stops reading while prices stream: its socket buffers fill, the service stops writing to it and
 * conflates its updates (at most one waiting frame per topic), while a fast client on the same symbols gets
 * everything up to the last price. When the slow one reads again it gets the latest prices, not the backlog.
 */
class SlowClientIntegrationTest extends RunningMarketDataService {

    private static final List<String> SYMBOLS = SymbolUniverse.of(400, 0).subList(350, 400).stream()
            .map(Listing::symbol)
            .toList();
    private static final int ROUNDS = 2_000;

    @Autowired
    PriceCache cache;

    @Autowired
    MeterRegistry meters;

    @Test
    void aStalledClientIsConflatedAndDelaysNobody() throws Exception {
        String subscribe = SYMBOLS.stream()
                .map(symbol -> "\"prices:" + symbol + "\"")
                .collect(Collectors.joining(",", "{\"type\":\"subscribe\",\"topics\":[", "]}"));
        String slowUser = newUser();
        Map<String, String> fastLatest = new ConcurrentHashMap<>();
        CountDownLatch fastSubscribed = new CountDownLatch(1);
        try (WebSocketTestClient slow = connect(port, slowUser);
                WebSocketTestClient fast = WebSocketTestClient.connect(marketData(port, newUser()), frame -> {
                    JsonNode node = json(frame);
                    if ("subscribed".equals(node.path("type").asString())) {
                        fastSubscribed.countDown();
                    } else if ("price_update".equals(node.path("type").asString())) {
                        fastLatest.put(
                                node.path("topic").asString(),
                                node.path("payload").path("price").asString());
                    }
                })) {
            slow.send(subscribe);
            slow.await(frame -> isType(frame, "subscribed"), WAIT);
            slow.pause();
            fast.send(subscribe);
            assertThat(fastSubscribed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isTrue();
            double conflatedBefore = conflatedFrames();

            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int round = 1; round <= ROUNDS; round += 100) {
                List<PriceCache.Announcement> batch = new ArrayList<>();
                for (int r = round; r < round + 100; r++) {
                    for (String symbol : SYMBOLS) {
                        LatestPrice price = new LatestPrice(symbol, BigDecimal.valueOf(r), start.plusMillis(r));
                        batch.add(new PriceCache.Announcement(
                                price, PriceView.of(price).toJson()));
                    }
                }
                cache.updateAndPublish(batch).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }

            String last = PriceView.of(new LatestPrice("X", BigDecimal.valueOf(ROUNDS), start))
                    .price();
            awaitUntil(WAIT, "the fast client seeing the last prices", () -> SYMBOLS.stream()
                    .allMatch(symbol -> last.equals(fastLatest.get("prices:" + symbol))));
            // Only the stalled client falls behind, so the conflated frames and the most waiting are its own.
            assertThat(conflatedFrames() - conflatedBefore)
                    .as("the stalled client's updates were conflated")
                    .isPositive();
            assertThat(meters.get("marketdata.outbox.max.waiting").gauge().value())
                    .as("at most one waiting frame per topic")
                    .isLessThanOrEqualTo(SYMBOLS.size());

            Map<String, String> slowLatest = new ConcurrentHashMap<>();
            slow.resume();
            awaitUntil(WAIT, "the slow client catching up to the last prices", () -> {
                for (String frame : slow.drain()) {
                    JsonNode node = json(frame);
                    if ("price_update".equals(node.path("type").asString())) {
                        slowLatest.put(
                                node.path("topic").asString(),
                                node.path("payload").path("price").asString());
                    }
                }
                return SYMBOLS.stream().allMatch(symbol -> last.equals(slowLatest.get("prices:" + symbol)));
            });
        }
    }

    @Test
    void disconnectingReleasesTheConnectionAndItsRedisSubscriptions() throws Exception {
        String user = newUser();
        String symbol = SymbolUniverse.of(1000, 0).get(999).symbol(); // no other test's
        double connectionsBefore = openConnections();
        try (WebSocketTestClient client = connect(port, user)) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"prices:" + symbol + "\",\"orders\"]}");
            client.await(frame -> isType(frame, "subscribed"), WAIT);
            // As Redis sees it: this instance's one Pub/Sub connection listens on both channels.
            assertThat(subscribers(RedisChannels.prices(symbol))).isEqualTo(1);
            assertThat(subscribers(RedisChannels.orders(user))).isEqualTo(1);
        }

        awaitUntil(WAIT, "the connection's cleanup", () -> openConnections() == connectionsBefore);
        awaitUntil(
                WAIT,
                "Redis no longer delivering either channel to this instance",
                () -> subscribers(RedisChannels.orders(user)) == 0 && subscribers(RedisChannels.prices(symbol)) == 0);
    }

    /** How many connections Redis delivers {@code channel} to ({@code PUBSUB NUMSUB}). */
    private static long subscribers(String channel) {
        RedisClient client = RedisClient.create(SharedServers.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private double conflatedFrames() {
        return meters.get("marketdata.frames.conflated").counter().count();
    }

    private double openConnections() {
        return meters.get("marketdata.connections").gauge().value();
    }
}
