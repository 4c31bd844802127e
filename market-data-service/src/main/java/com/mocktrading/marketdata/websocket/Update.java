package com.mocktrading.marketdata.websocket;

import com.mocktrading.marketdata.prices.PriceView;
import com.mocktrading.redis.RedisChannels;

/**
 * A message from a Redis channel, decoded once per instance into the frame every local client gets.
 *
 * @param feedMillis the price's feed timestamp; unused for order updates
 */
record Update(String topic, boolean price, long feedMillis, String frame) {

    static Update decode(String channel, String message) {
        if (RedisChannels.isOrders(channel)) {
            return new Update(TopicName.ORDERS, false, 0, ServerFrames.orderUpdate(message));
        }
        return new Update(channel, true, PriceView.feedMillisOf(message), ServerFrames.priceUpdate(channel, message));
    }
}
