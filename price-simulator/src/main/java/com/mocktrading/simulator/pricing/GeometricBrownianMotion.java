package com.mocktrading.simulator.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A driftless geometric Brownian motion step: {@code S' = S * exp(-sigma^2 dt / 2 + sigma sqrt(dt) Z)}. The
 * model is floating point by nature (it draws a random factor); the price it produces is an exact 4-decimal
 * value, never below 0.0001, and that value is what the feed publishes and the next step starts from.
 */
public final class GeometricBrownianMotion {

    /** Trading seconds in a year (252 days of 6.5 hours): volatilities are quoted per such year. */
    static final double SECONDS_PER_YEAR = 252 * 6.5 * 3600;

    public static final BigDecimal MIN_PRICE = new BigDecimal("0.0001");

    private GeometricBrownianMotion() {}

    /**
     * @param volatility annualised, e.g. 0.3
     * @param simulatedSeconds market time elapsed since the previous price
     * @param gaussian a standard normal draw
     */
    public static BigDecimal step(BigDecimal price, double volatility, double simulatedSeconds, double gaussian) {
        double dt = simulatedSeconds / SECONDS_PER_YEAR;
        double logReturn = -0.5 * volatility * volatility * dt + volatility * Math.sqrt(dt) * gaussian;
        BigDecimal next =
                price.multiply(BigDecimal.valueOf(Math.exp(logReturn))).setScale(4, RoundingMode.HALF_EVEN);
        return next.max(MIN_PRICE);
    }
}
