package com.mocktrading.portfolio.view.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.portfolio.view.PortfolioValuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioResponseTest {

    @Test
    void printsCashWithTwoDecimalsPricesWithUpToFourAndTimestampsWithMillis() {
        // Given a valued portfolio with one priced and one unpriced position
        Portfolio portfolio = new Portfolio(
                "alice",
                new BigDecimal("1000"),
                Map.of("ACME", 10L, "GONE", 3L),
                Map.of("ACME", new BigDecimal("1234.5"), "GONE", new BigDecimal("100")),
                new BigDecimal("-12.3"),
                Instant.parse("2026-11-24T03:00:00.120Z"),
                7);

        // When rendered
        PortfolioResponse response =
                PortfolioResponse.of(PortfolioValuation.value(portfolio, Map.of("ACME", new BigDecimal("130.1200"))));

        // Then
        assertThat(response)
                .isEqualTo(new PortfolioResponse(
                        "alice",
                        "1000.00",
                        List.of(
                                new PortfolioResponse.Holding(
                                        "ACME", 10, "123.45", "1234.50", "130.12", "1301.20", "66.70"),
                                new PortfolioResponse.Holding("GONE", 3, "33.3333", "100.00", null, null, null)),
                        "1301.20",
                        "2301.20",
                        "-12.30",
                        "66.70",
                        "2026-11-24T03:00:00.120Z",
                        7));
    }

    @Test
    void printsAnEmptyPortfolioWithZeroTotals() {
        Portfolio portfolio =
                Portfolio.opening("bob", new BigDecimal("100000.00"), Instant.parse("2026-11-24T03:00:00Z"));

        PortfolioResponse response = PortfolioResponse.of(PortfolioValuation.value(portfolio, Map.of()));

        assertThat(response.holdings()).isEmpty();
        assertThat(response.cashBalance()).isEqualTo("100000.00");
        assertThat(response.holdingsValue()).isEqualTo("0.00");
        assertThat(response.totalValue()).isEqualTo("100000.00");
        assertThat(response.realizedPnl()).isEqualTo("0.00");
        assertThat(response.unrealizedPnl()).isEqualTo("0.00");
        assertThat(response.lastUpdatedTimestamp()).isEqualTo("2026-11-24T03:00:00.000Z");
        assertThat(response.version()).isZero();
    }
}
