package com.mocktrading.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.events.Side;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private final OrderRules rules = new OrderRules(Duration.ofSeconds(60));

    @Test
    void aBuyNeedsCashForTheRoundedNotional() {
        // 3 x 33.3350 = 100.005 -> 100.00 half-even: exactly covered by 100.00
        LatestPrice price = new LatestPrice("ACME", new BigDecimal("33.3350"), NOW);

        assertThatCode(() -> rules.requireCoverage(buy(3), price, cash("100.00")))
                .doesNotThrowAnyException();
        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> rules.requireCoverage(buy(3), price, cash("99.99")));
        assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void aSellNeedsTheShares() {
        LatestPrice price = new LatestPrice("ACME", BigDecimal.ONE, NOW);
        Portfolio holder = new Portfolio(
                "u", BigDecimal.ZERO, Map.of("ACME", 5L), Map.of("ACME", BigDecimal.ONE), BigDecimal.ZERO, NOW, 1);

        assertThatCode(() -> rules.requireCoverage(sell(5), price, holder)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ApiException.class, () -> rules.requireCoverage(sell(6), price, holder))
                        .code())
                .isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS);
    }

    @Test
    void aPriceOlderThanTheBoundIsNotUsable() {
        assertThatCode(() ->
                        rules.requireFreshPrice(new LatestPrice("ACME", BigDecimal.ONE, NOW.minusSeconds(60)), NOW))
                .doesNotThrowAnyException();
        ApiException stale = catchThrowableOfType(
                ApiException.class,
                () -> rules.requireFreshPrice(new LatestPrice("ACME", BigDecimal.ONE, NOW.minusSeconds(61)), NOW));
        assertThat(stale.code()).isEqualTo(ErrorCode.PRICE_UNAVAILABLE);
        assertThat(stale.retryAfter()).isPositive();
    }

    private static OrderRequest buy(long quantity) {
        return new OrderRequest("ACME", Side.BUY, quantity);
    }

    private static OrderRequest sell(long quantity) {
        return new OrderRequest("ACME", Side.SELL, quantity);
    }

    private static Portfolio cash(String amount) {
        return Portfolio.opening("u", new BigDecimal(amount), NOW);
    }
}
