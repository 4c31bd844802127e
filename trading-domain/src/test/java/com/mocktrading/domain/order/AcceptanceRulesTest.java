package com.mocktrading.domain.order;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcceptanceRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private final AcceptanceRules rules = new AcceptanceRules(Duration.ofSeconds(60));

    @Test
    void aBuyNeedsCashForTheRoundedNotional() {
        // 3 x 33.3350 = 100.005 -> 100.00 half-even: exactly covered by 100.00
        LatestPrice price = new LatestPrice("ACME", new BigDecimal("33.3350"), NOW);

        assertThatCode(() -> rules.requireCoverage(cash("100.00"), Side.BUY, "ACME", 3, price))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireCoverage(cash("99.99"), Side.BUY, "ACME", 3, price))
                .isInstanceOf(OrderRefusedException.InsufficientFunds.class)
                .hasMessage("Buying 3 ACME at 33.335 costs 100.00; cash is 99.99");
    }

    @Test
    void aSellNeedsTheShares() {
        LatestPrice price = new LatestPrice("ACME", BigDecimal.ONE, NOW);
        Portfolio holder = new Portfolio(
                "u", BigDecimal.ZERO, Map.of("ACME", 5L), Map.of("ACME", BigDecimal.ONE), BigDecimal.ZERO, NOW, 1);

        assertThatCode(() -> rules.requireCoverage(holder, Side.SELL, "ACME", 5, price))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireCoverage(holder, Side.SELL, "ACME", 6, price))
                .isInstanceOf(OrderRefusedException.InsufficientHoldings.class)
                .hasMessage("Selling 6 ACME needs that many shares; you hold 5");
    }

    @Test
    void aPriceOlderThanTheBoundIsNotUsable() {
        assertThatCode(() ->
                        rules.requireFreshPrice(new LatestPrice("ACME", BigDecimal.ONE, NOW.minusSeconds(60)), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        rules.requireFreshPrice(new LatestPrice("ACME", BigDecimal.ONE, NOW.minusSeconds(61)), NOW))
                .isInstanceOf(OrderRefusedException.StalePrice.class)
                .hasMessageContaining("older than 60 s");
    }

    private static Portfolio cash(String amount) {
        return Portfolio.opening("u", new BigDecimal(amount), NOW);
    }
}
