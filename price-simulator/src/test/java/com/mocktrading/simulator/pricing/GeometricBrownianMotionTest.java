package com.mocktrading.simulator.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GeometricBrownianMotionTest {

    @Test
    void movesByTheRandomShockAtFourDecimals() {
        BigDecimal up = GeometricBrownianMotion.step(new BigDecimal("100.0000"), 0.3, 3600, 1.0);
        BigDecimal down = GeometricBrownianMotion.step(new BigDecimal("100.0000"), 0.3, 3600, -1.0);

        assertThat(up).isGreaterThan(new BigDecimal("100.0000"));
        assertThat(down).isLessThan(new BigDecimal("100.0000"));
        assertThat(up.scale()).isEqualTo(4);
    }

    @Test
    void neverReachesZero() {
        BigDecimal crashed = GeometricBrownianMotion.step(new BigDecimal("0.0002"), 0.6, 1e9, -10);

        assertThat(crashed).isEqualTo(GeometricBrownianMotion.MIN_PRICE);
    }

    @Test
    void standsStillWithoutVolatility() {
        assertThat(GeometricBrownianMotion.step(new BigDecimal("42.4242"), 0.0, 3600, 3.0))
                .isEqualTo(new BigDecimal("42.4242"));
    }
}
