package com.mocktrading.localrun;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code bin/dev-price ACME 123.45 [redis://127.0.0.1:6379]}: puts a price into the local price cache, stamped
 * now, for trying orders by hand before the price simulator runs.
 */
public final class DevPrice {

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/dev-price SYMBOL PRICE [REDIS_URI]", "Puts a price into the price cache, stamped now.")
            .positional("SYMBOL", "e.g. ACME")
            .positional("PRICE", "e.g. 123.45")
            .positional("[REDIS_URI]", "the price cache (default redis://127.0.0.1:6379)");

    private DevPrice() {}

    public static void main(String[] args) {
        List<String> given = COMMAND.parseOrExit(args).positionals();
        RedisClient client = RedisClient.create(given.size() == 3 ? given.get(2) : "redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            LatestPrice price = new LatestPrice(given.get(0), new BigDecimal(given.get(1)), Instant.now());
            new PriceCache(() -> connection).update(price);
            System.out.println(given.get(0) + " = " + given.get(1));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
