package com.mocktrading.marketdata.prices;

import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.price.LatestPrice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A price as the contract shows it, {@code {"symbol","price","feedTimestamp"}}: in REST answers, in
 * {@code price_update} payloads and as the message on the Redis channel {@code prices:{symbol}}.
 */
public record PriceView(String symbol, String price, String feedTimestamp) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PriceView of(LatestPrice price) {
        return new PriceView(
                price.symbol(), Money.formatPrice(price.price()), Timestamps.format(price.feedTimestamp()));
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The feed timestamp of a published price message, in epoch milliseconds. */
    public static long feedMillisOf(String json) {
        JsonNode node = JSON.readTree(json);
        return Timestamps.parse(node.get("feedTimestamp").asString()).toEpochMilli();
    }
}
