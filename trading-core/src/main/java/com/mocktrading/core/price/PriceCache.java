package com.mocktrading.core.price;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.redis.RedisChannels;
import com.mocktrading.redis.RedisScript;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The latest-price cache in Redis: {@code price:{symbol}} holds the price string (contract), and
 * {@code price-ts:{symbol}} the feed timestamp in epoch milliseconds, which freshness checks and
 * out-of-order protection need. Both are written together by one script, so readers never see a price
 * with another price's timestamp, and an older update never overwrites a newer one. The same script can
 * announce the new price on the Pub/Sub channel {@code prices:{symbol}}, so a price is published exactly
 * when it becomes the cached one, never out of order.
 */
public final class PriceCache {

    private static final RedisScript UPDATE_IF_NEWER = new RedisScript(
            """
            local current = redis.call('GET', KEYS[2])
            if current and tonumber(current) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], ARGV[2])
            if ARGV[3] then
              redis.call('PUBLISH', ARGV[3], ARGV[4])
            end
            return 1
            """);

    private final Supplier<StatefulRedisConnection<String, String>> connection;

    /** @param connection supplies the (shared, possibly re-opened) connection at each call */
    public PriceCache(Supplier<StatefulRedisConnection<String, String>> connection) {
        this.connection = connection;
    }

    public static String priceKey(String symbol) {
        return "price:" + symbol;
    }

    public static String timestampKey(String symbol) {
        return "price-ts:" + symbol;
    }

    public Optional<LatestPrice> latest(String symbol) {
        return Optional.ofNullable(latest(List.of(symbol)).get(symbol));
    }

    /** One round trip for any number of symbols; symbols without a cached price are absent from the map. */
    public Map<String, LatestPrice> latest(Collection<String> symbols) {
        return await(latestAsync(symbols));
    }

    /** As {@link #latest(Collection)}, without blocking the caller (for event-loop callers). */
    public CompletionStage<Map<String, LatestPrice>> latestAsync(Collection<String> symbols) {
        if (symbols.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<String> keys = new ArrayList<>();
        for (String symbol : symbols) {
            keys.add(priceKey(symbol));
            keys.add(timestampKey(symbol));
        }
        List<String> ordered = List.copyOf(symbols);
        return redis().mget(keys.toArray(String[]::new)).thenApply(values -> decode(ordered, values));
    }

    private static Map<String, LatestPrice> decode(List<String> symbols, List<KeyValue<String, String>> values) {
        Map<String, LatestPrice> prices = new LinkedHashMap<>();
        int i = 0;
        for (String symbol : symbols) {
            KeyValue<String, String> price = values.get(i++);
            KeyValue<String, String> timestamp = values.get(i++);
            if (price.hasValue() && timestamp.hasValue()) {
                prices.put(
                        symbol,
                        new LatestPrice(
                                symbol,
                                new BigDecimal(price.getValue()),
                                Instant.ofEpochMilli(Long.parseLong(timestamp.getValue()))));
            }
        }
        return prices;
    }

    /** Stores the price unless the cache already holds one at least as new; returns whether it did. */
    public boolean update(LatestPrice price) {
        return await(run(price, null));
    }

    /**
     * Applies every update (pipelined on the shared connection) and publishes each one that became the cached
     * price on {@link #channel(String)} with its message. Completes with how many were applied; fails if any
     * call failed, in which case the caller may repeat the whole batch (older or equal updates are no-ops).
     */
    public CompletionStage<Integer> updateAndPublish(List<Announcement> announcements) {
        List<CompletableFuture<Boolean>> calls = new ArrayList<>(announcements.size());
        for (Announcement announcement : announcements) {
            calls.add(run(announcement.price(), announcement.message()).toCompletableFuture());
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(ignored ->
                (int) calls.stream().filter(CompletableFuture::join).count());
    }

    /** A price update and the message to publish if it becomes the cached price. */
    public record Announcement(LatestPrice price, String message) {}

    private CompletionStage<Boolean> run(LatestPrice price, String message) {
        String[] keys = {priceKey(price.symbol()), timestampKey(price.symbol())};
        String[] args = message == null
                ? new String[] {
                    Money.formatPrice(price.price()),
                    Long.toString(price.feedTimestamp().toEpochMilli())
                }
                : new String[] {
                    Money.formatPrice(price.price()),
                    Long.toString(price.feedTimestamp().toEpochMilli()),
                    RedisChannels.prices(price.symbol()),
                    message
                };
        CompletionStage<Long> applied = UPDATE_IF_NEWER.run(redis(), ScriptOutputType.INTEGER, keys, args);
        return applied.thenApply(result -> result != null && result == 1L);
    }

    private RedisAsyncCommands<String, String> redis() {
        return connection.get().async();
    }

    /** Waits for an asynchronous call at most as long as the connection's command timeout. */
    private <T> T await(CompletionStage<T> stage) {
        Duration timeout = connection.get().getTimeout();
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new RedisException(e.getCause());
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("no answer from Redis within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisCommandInterruptedException(e);
        }
    }
}
