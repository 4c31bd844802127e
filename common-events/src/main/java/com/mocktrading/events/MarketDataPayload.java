package com.mocktrading.events;

import java.math.BigDecimal;
import java.time.Instant;

/** A price tick on {@code market_data}. */
public record MarketDataPayload(String symbol, BigDecimal price, Instant feedTimestamp) {

    public MarketDataPayload {
        Checks.symbol(symbol, "symbol");
        price = Checks.positivePrice(price, "price");
        feedTimestamp = Checks.millis(feedTimestamp, "feedTimestamp");
    }
}
