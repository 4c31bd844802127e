package com.mocktrading.localrun;

import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.core.price.PriceCache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code bin/dev-price ACME 123.45 [redis://127.0.0.1:6379]}: puts a price into the local price cache, stamped
 * now, for trying orders by hand before the price simulator runs.
 */
public final class DevPrice {

    private DevPrice() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: bin/dev-price SYMBOL PRICE [REDIS_URI]");
            System.exit(2);
        }
        RedisClient client = RedisClient.create(args.length == 3 ? args[2] : "redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            LatestPrice price = new LatestPrice(args[0], new BigDecimal(args[1]), Instant.now());
            new PriceCache(() -> connection).update(price);
            System.out.println(args[0] + " = " + args[1]);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
