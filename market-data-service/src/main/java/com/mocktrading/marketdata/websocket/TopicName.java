package com.mocktrading.marketdata.websocket;

import com.mocktrading.marketdata.symbols.SymbolDirectory;
import com.mocktrading.redis.RedisChannels;
import java.util.Optional;

/**
 * A topic a client can subscribe to and the Redis channel that feeds it: {@code prices:{symbol}} (one channel
 * per symbol, shared by everyone) or the private {@code orders} (the caller's own channel, so the channel
 * name, not a filter, keeps users apart).
 */
record TopicName(String topic, String channel, boolean prices) {

    static final String ORDERS = "orders";
    private static final String PRICES_PREFIX = "prices:";

    /** The topic, or empty when it names nothing the service publishes. */
    static Optional<TopicName> parse(String topic, String userId, SymbolDirectory symbols) {
        if (ORDERS.equals(topic)) {
            return Optional.of(new TopicName(topic, RedisChannels.orders(userId), false));
        }
        if (topic.startsWith(PRICES_PREFIX) && symbols.contains(topic.substring(PRICES_PREFIX.length()))) {
            return Optional.of(
                    new TopicName(topic, RedisChannels.prices(topic.substring(PRICES_PREFIX.length())), true));
        }
        return Optional.empty();
    }

    String symbol() {
        return topic.substring(PRICES_PREFIX.length());
    }
}
