package com.mocktrading.core.price;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.redis.RedisChannels;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PriceCacheIntegrationTest {

    private static final RedisClient CLIENT =
            RedisClient.create(SharedServers.redis().uri());
    private static final StatefulRedisConnection<String, String> CONNECTION = CLIENT.connect();
    private final PriceCache cache = new PriceCache(() -> CONNECTION);

    @AfterAll
    static void close() {
        CONNECTION.close();
        CLIENT.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void keepsTheNewestPriceWhateverOrderUpdatesArriveIn() {
        Instant t = Instant.parse("2026-11-24T03:00:00.000Z");

        assertThat(cache.update(new LatestPrice("ORDR", new BigDecimal("10.0000"), t.plusSeconds(2))))
                .isTrue();
        assertThat(cache.update(new LatestPrice("ORDR", new BigDecimal("9.0000"), t.plusSeconds(1))))
                .isFalse();
        assertThat(cache.update(new LatestPrice("ORDR", new BigDecimal("8.0000"), t.plusSeconds(2))))
                .isFalse();

        assertThat(cache.latest("ORDR")).contains(new LatestPrice("ORDR", new BigDecimal("10.0000"), t.plusSeconds(2)));
    }

    @Test
    void readsManySymbolsAtOnceLeavingOutUnknownOnes() {
        Instant t = Instant.parse("2026-11-24T03:00:00.000Z");
        cache.update(new LatestPrice("MANY1", new BigDecimal("1.5"), t));
        cache.update(new LatestPrice("MANY2", new BigDecimal("2.25"), t));

        var prices = cache.latest(List.of("MANY1", "UNKNOWN", "MANY2"));

        assertThat(prices).containsOnlyKeys("MANY1", "MANY2");
        assertThat(prices.get("MANY2").price()).isEqualByComparingTo("2.25");
        assertThat(CONNECTION.sync().get("price:MANY1")).isEqualTo("1.50");
    }

    @Test
    void publishesAnUpdateExactlyWhenItBecomesTheCachedPrice() throws Exception {
        Instant t = Instant.parse("2026-11-24T03:00:00.000Z");
        StatefulRedisPubSubConnection<String, String> subscriber = CLIENT.connectPubSub();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(channel + " " + message);
            }
        });
        subscriber.sync().subscribe(RedisChannels.prices("PUB"));
        try {
            int applied = cache.updateAndPublish(List.of(
                            announce("PUB", "10.00", t.plusSeconds(2)),
                            announce("PUB", "9.00", t.plusSeconds(1)),
                            announce("PUB", "8.00", t.plusSeconds(2)),
                            announce("PUB", "11.00", t.plusSeconds(3))))
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);

            assertThat(applied).isEqualTo(2);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("prices:PUB 10.00@2");
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("prices:PUB 11.00@3");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(cache.latest("PUB").orElseThrow().price()).isEqualByComparingTo("11.00");
        } finally {
            subscriber.close();
        }
    }

    @Test
    void reloadsItsScriptWhenRedisForgotIt() {
        Instant t = Instant.parse("2026-11-24T03:00:00.000Z");
        cache.update(new LatestPrice("FLUSHED", BigDecimal.ONE, t));
        CONNECTION.sync().scriptFlush();

        assertThat(cache.update(new LatestPrice("FLUSHED", BigDecimal.TEN, t.plusSeconds(1))))
                .isTrue();
        assertThat(cache.latest("FLUSHED").orElseThrow().price()).isEqualByComparingTo("10");
    }

    private static PriceCache.Announcement announce(String symbol, String price, Instant at) {
        return new PriceCache.Announcement(
                new LatestPrice(symbol, new BigDecimal(price), at), price + "@" + (at.getEpochSecond() % 60));
    }

    @Test
    void knowsWhenAPriceIsStale() {
        LatestPrice price = new LatestPrice("OLD", BigDecimal.ONE, Instant.parse("2026-11-24T03:00:00Z"));

        assertThat(price.isOlderThan(Duration.ofSeconds(30), Instant.parse("2026-11-24T03:00:31Z")))
                .isTrue();
        assertThat(price.isOlderThan(Duration.ofSeconds(30), Instant.parse("2026-11-24T03:00:30Z")))
                .isFalse();
    }
}
