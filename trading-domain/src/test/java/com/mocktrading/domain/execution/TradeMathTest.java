package com.mocktrading.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeMathTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void aBuyMovesItsRoundedNotionalFromCashToCostBasis() {
        Portfolio cashOnly = Portfolio.opening("u", new BigDecimal("1000.00"), NOW);

        PositionChange buy = TradeMath.change(cashOnly, Side.BUY, "ACME", 3, new BigDecimal("33.3350"));

        assertThat(buy)
                .isEqualTo(new PositionChange(
                        "ACME", new BigDecimal("-100.00"), 3, new BigDecimal("100.00"), new BigDecimal("0.00")));
    }

    @Test
    void aPartialSellRemovesItsShareOfTheCostBasisAndBooksTheRest() {
        Portfolio holder = holding(3, "100.00");

        PositionChange sell = TradeMath.change(holder, Side.SELL, "ACME", 1, new BigDecimal("40.0000"));

        // average cost 33.33..., one share's basis 33.33, sold for 40.00
        assertThat(sell)
                .isEqualTo(new PositionChange(
                        "ACME", new BigDecimal("40.00"), -1, new BigDecimal("-33.33"), new BigDecimal("6.67")));
    }

    @Test
    void closingAPositionRemovesAllOfItsCostBasisSoNoResidueRemains() {
        Portfolio holder = holding(3, "100.00");

        PositionChange first = TradeMath.change(holder, Side.SELL, "ACME", 1, new BigDecimal("30"));
        Portfolio after = holding(2, "66.67");
        PositionChange rest = TradeMath.change(after, Side.SELL, "ACME", 2, new BigDecimal("30"));

        assertThat(first.costBasisDelta().add(rest.costBasisDelta())).isEqualByComparingTo("-100.00");
        assertThat(first.realizedPnlDelta().add(rest.realizedPnlDelta())).isEqualByComparingTo("-10.00");
    }

    @Test
    void refusesWhatThePortfolioCannotCoverAtTheExecutionPrice() {
        Portfolio portfolio = holding(2, "20.00");

        assertThat(TradeMath.refusal(portfolio, Side.BUY, "ACME", 1, new BigDecimal("10.01")))
                .contains(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
        assertThat(TradeMath.refusal(portfolio, Side.BUY, "ACME", 1, new BigDecimal("10.00")))
                .isEmpty();
        assertThat(TradeMath.refusal(portfolio, Side.SELL, "ACME", 3, BigDecimal.ONE))
                .contains(ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS);
        assertThat(TradeMath.refusal(portfolio, Side.SELL, "ACME", 2, BigDecimal.ONE))
                .isEmpty();
    }

    private static Portfolio holding(long quantity, String costBasis) {
        return new Portfolio(
                "u",
                new BigDecimal("10.00"),
                Map.of("ACME", quantity),
                Map.of("ACME", new BigDecimal(costBasis)),
                BigDecimal.ZERO,
                NOW,
                1);
    }
}
