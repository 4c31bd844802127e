package com.mocktrading.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsANotionalToTheCentHalfEven() {
        assertThat(Money.notional(3, new BigDecimal("0.0050"))).isEqualByComparingTo("0.02");
        assertThat(Money.notional(1, new BigDecimal("0.0050"))).isEqualByComparingTo("0.00");
        assertThat(Money.notional(1, new BigDecimal("0.0150"))).isEqualByComparingTo("0.02");
        assertThat(Money.notional(1_000_000, new BigDecimal("123.4567"))).isEqualByComparingTo("123456700.00");
        assertThat(Money.notional(7, new BigDecimal("10.1234")).scale()).isEqualTo(2);
    }

    @Test
    void refusesToRoundCashSilently() {
        assertThat(Money.cash("100000")).isEqualTo(new BigDecimal("100000.00"));
        assertThatThrownBy(() -> Money.cash("0.001")).hasMessageContaining("at most 2 decimals");
    }

    @Test
    void averageCostHasPricePrecision() {
        assertThat(Money.averageCost(new BigDecimal("100.00"), 3)).isEqualTo(new BigDecimal("33.3333"));
        assertThatThrownBy(() -> Money.averageCost(BigDecimal.ONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsPricesPlainWithAtLeastTwoDecimals() {
        assertThat(Money.formatPrice(new BigDecimal("1E+2"))).isEqualTo("100.00");
        assertThat(Money.formatPrice(new BigDecimal("123.4500"))).isEqualTo("123.45");
        assertThat(Money.formatPrice(new BigDecimal("0.0001"))).isEqualTo("0.0001");
        assertThat(Money.formatCash(new BigDecimal("5"))).isEqualTo("5.00");
    }
}
