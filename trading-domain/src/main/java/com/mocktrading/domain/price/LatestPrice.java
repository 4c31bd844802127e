package com.mocktrading.domain.price;

import com.mocktrading.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The newest known price of a symbol and when the feed produced it. */
public record LatestPrice(String symbol, BigDecimal price, Instant feedTimestamp) {

    public LatestPrice {
        Objects.requireNonNull(symbol, "symbol");
        price = Money.price(Objects.requireNonNull(price, "price"));
        Objects.requireNonNull(feedTimestamp, "feedTimestamp");
    }

    /** True when the feed produced this price longer than {@code bound} before {@code now}. */
    public boolean isOlderThan(Duration bound, Instant now) {
        return feedTimestamp.plus(bound).isBefore(now);
    }
}
