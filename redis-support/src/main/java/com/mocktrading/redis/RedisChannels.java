package com.mocktrading.redis;

/**
 * The system's Pub/Sub channels, named here only, so that whoever publishes and whoever listens agree: a
 * symbol's new prices, and one user's order outcomes.
 */
public final class RedisChannels {

    private static final String PRICES = "prices:";
    private static final String ORDERS = "orders:";

    private RedisChannels() {}

    /**
     * {@code prices:{symbol}}: published by the price cache's update script when a price becomes the latest. It is
     * also the name of the WebSocket topic of those prices (the contract's), so a message's channel is the topic its
     * frame carries.
     */
    public static String prices(String symbol) {
        return PRICES + symbol;
    }

    /**
     * {@code orders:{userId}}: published by market-data's relay, whichever instance consumed the outcome, and heard by
     * the instances that hold the user's connections.
     */
    public static String orders(String userId) {
        return ORDERS + userId;
    }

    public static boolean isOrders(String channel) {
        return channel.startsWith(ORDERS);
    }
}
