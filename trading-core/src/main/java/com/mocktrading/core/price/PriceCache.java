package com.mocktrading.core.price;

import com.mocktrading.core.money.Money;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The latest-price cache in Redis: {@code price:{symbol}} holds the price string (contract), and
 * {@code price-ts:{symbol}} the feed timestamp in epoch milliseconds, which freshness checks and
 * out-of-order protection need. Both are written together by one script, so readers never see a price
 * with another price's timestamp, and an older update never overwrites a newer one.
 */
public final class PriceCache {

    private static final String UPDATE_IF_NEWER =
            """
            local current = redis.call('GET', KEYS[2])
            if current and tonumber(current) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], ARGV[2])
            return 1
            """;

    private final Supplier<StatefulRedisConnection<String, String>> connection;

    /** @param connection supplies the (shared, possibly re-opened) connection at each call */
    public PriceCache(Supplier<StatefulRedisConnection<String, String>> connection) {
        this.connection = connection;
    }

    private RedisCommands<String, String> redis() {
        return connection.get().sync();
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
        if (symbols.isEmpty()) {
            return Map.of();
        }
        List<String> keys = new ArrayList<>();
        for (String symbol : symbols) {
            keys.add(priceKey(symbol));
            keys.add(timestampKey(symbol));
        }
        List<KeyValue<String, String>> values = redis().mget(keys.toArray(String[]::new));
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
        Long applied = redis().eval(
                        UPDATE_IF_NEWER,
                        ScriptOutputType.INTEGER,
                        new String[] {priceKey(price.symbol()), timestampKey(price.symbol())},
                        Money.formatPrice(price.price()),
                        Long.toString(price.feedTimestamp().toEpochMilli()));
        return applied != null && applied == 1L;
    }
}
