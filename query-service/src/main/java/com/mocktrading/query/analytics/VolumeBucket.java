package com.mocktrading.query.analytics;

import com.mocktrading.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The executed trades of one symbol in one bucket.
 *
 * @param volume shares traded
 * @param notional the sum of quantity x execution price, computed exactly and rounded once to the cent half-even
 *     (the system's money rule, see {@link Money})
 * @param trades how many trades
 */
public record VolumeBucket(Instant bucketStart, String symbol, long volume, BigDecimal notional, long trades) {

    public VolumeBucket {
        Objects.requireNonNull(bucketStart, "bucketStart");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(notional, "notional");
    }

    /** A bucket from the exact (unrounded) notional sum. */
    public static VolumeBucket of(
            Instant bucketStart, String symbol, long volume, BigDecimal exactNotional, long trades) {
        return new VolumeBucket(bucketStart, symbol, volume, Money.roundCash(exactNotional), trades);
    }
}
