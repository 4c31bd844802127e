package com.mocktrading.portfolio.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioValuationTest {

    private static final Instant UPDATED = Instant.parse("2026-11-24T03:00:00.123Z");

    @Test
    void valuesEveryPositionAtItsLastPriceExactly() {
        // Given 10 ACME bought for 1234.50 and 3 BOLT bought for 100.00
        Portfolio portfolio = portfolio(
                "1000.00", Map.of("ACME", 10L, "BOLT", 3L), Map.of("ACME", money("1234.50"), "BOLT", money("100.00")));

        // When ACME trades at 130.1234 and BOLT at 30.5
        ValuedPortfolio valued = PortfolioValuation.value(
                portfolio, Map.of("ACME", new BigDecimal("130.1234"), "BOLT", new BigDecimal("30.5")));

        // Then 10 x 130.1234 = 1301.234 -> 1301.23, and 3 x 30.5 = 91.50
        assertThat(valued.holdings())
                .containsExactly(
                        new ValuedHolding(
                                "ACME",
                                10,
                                money("123.4500"),
                                money("1234.50"),
                                money("130.1234"),
                                money("1301.23"),
                                money("66.73")),
                        new ValuedHolding(
                                "BOLT",
                                3,
                                money("33.3333"),
                                money("100.00"),
                                money("30.5"),
                                money("91.50"),
                                money("-8.50")));
        assertThat(valued.holdingsValue()).isEqualTo(money("1392.73"));
        assertThat(valued.totalValue()).isEqualTo(money("2392.73"));
        assertThat(valued.unrealizedPnl()).isEqualTo(money("58.23"));
        assertThat(valued.portfolio()).isSameAs(portfolio);
    }

    @Test
    void roundsMarketValuesHalfEvenToTheCent() {
        // Given positions whose notionals end exactly on half a cent
        Portfolio portfolio = portfolio(
                "0.00",
                Map.of("DOWN", 1L, "UP", 1L, "MANY", 3L),
                Map.of("DOWN", money("10.00"), "UP", money("10.00"), "MANY", money("0.00")));

        // When valued
        ValuedPortfolio valued = PortfolioValuation.value(
                portfolio,
                Map.of(
                        "DOWN", new BigDecimal("10.0050"),
                        "UP", new BigDecimal("10.0150"),
                        "MANY", new BigDecimal("0.0050")));

        // Then half a cent goes to the even cent: 10.005 -> 10.00, 10.015 -> 10.02, 0.015 -> 0.02
        assertThat(valued.holdings())
                .extracting(ValuedHolding::symbol, ValuedHolding::marketValue)
                .containsExactly(
                        tuple("DOWN", money("10.00")), tuple("MANY", money("0.02")), tuple("UP", money("10.02")));
        assertThat(valued.holdingsValue()).isEqualTo(money("20.04"));
    }

    @Test
    void roundsAverageCostHalfEvenToFourDecimals() {
        Portfolio portfolio = portfolio("0.00", Map.of("ACME", 3L), Map.of("ACME", money("200.00")));

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of());

        assertThat(valued.holdings().get(0).averageCost()).isEqualTo(money("66.6667"));
    }

    @Test
    void showsNoGainOrLossForAPositionBoughtAtTheCurrentPrice() {
        // Given 7 shares bought at 12.3456: the trade moved the rounded notional 86.4192 -> 86.42 into cost basis
        Portfolio portfolio = portfolio("0.00", Map.of("ACME", 7L), Map.of("ACME", money("86.42")));

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of("ACME", new BigDecimal("12.3456")));

        assertThat(valued.holdings().get(0).marketValue()).isEqualTo(money("86.42"));
        assertThat(valued.holdings().get(0).unrealizedPnl()).isEqualTo(money("0.00"));
    }

    @Test
    void leavesAPositionWithoutACachedPriceUnvaluedAndKeepsItOutOfTheTotals() {
        // Given two positions and a price for only one of them
        Portfolio portfolio = portfolio(
                "500.00", Map.of("ACME", 2L, "GONE", 5L), Map.of("ACME", money("20.00"), "GONE", money("55.55")));

        // When valued
        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of("ACME", new BigDecimal("11.00")));

        // Then the unpriced one keeps its cost data but has no price, value or P&L
        assertThat(valued.holdings())
                .containsExactly(
                        new ValuedHolding(
                                "ACME",
                                2,
                                money("10.0000"),
                                money("20.00"),
                                money("11.00"),
                                money("22.00"),
                                money("2.00")),
                        new ValuedHolding("GONE", 5, money("11.1100"), money("55.55"), null, null, null));
        assertThat(valued.holdingsValue()).isEqualTo(money("22.00"));
        assertThat(valued.totalValue()).isEqualTo(money("522.00"));
        assertThat(valued.unrealizedPnl()).isEqualTo(money("2.00"));
    }

    @Test
    void valuesAPortfolioWithNoPricesAtAllAtItsCash() {
        Portfolio portfolio = portfolio("750.25", Map.of("ACME", 2L), Map.of("ACME", money("20.00")));

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of());

        assertThat(valued.holdingsValue()).isEqualTo(money("0.00"));
        assertThat(valued.totalValue()).isEqualTo(money("750.25"));
        assertThat(valued.unrealizedPnl()).isEqualTo(money("0.00"));
    }

    @Test
    void valuesAPortfolioWithoutHoldingsAtItsCash() {
        Portfolio portfolio = Portfolio.opening("new-user", money("100000.00"), UPDATED);

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of("ACME", new BigDecimal("1.00")));

        assertThat(valued.holdings()).isEmpty();
        assertThat(valued.holdingsValue()).isEqualTo(money("0.00"));
        assertThat(valued.totalValue()).isEqualTo(money("100000.00"));
        assertThat(valued.unrealizedPnl()).isEqualTo(money("0.00"));
        assertThat(PortfolioValuation.heldSymbols(portfolio)).isEmpty();
    }

    @Test
    void listsHoldingsSortedBySymbol() {
        Map<String, Long> holdings = new LinkedHashMap<>();
        holdings.put("ZED", 1L);
        holdings.put("ACME", 1L);
        holdings.put("BRK.B", 1L);
        holdings.put("A1", 1L);
        Portfolio portfolio = portfolio("0.00", holdings, Map.of());

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of());

        assertThat(valued.holdings()).extracting(ValuedHolding::symbol).containsExactly("A1", "ACME", "BRK.B", "ZED");
        assertThat(PortfolioValuation.heldSymbols(portfolio)).containsExactly("A1", "ACME", "BRK.B", "ZED");
    }

    @Test
    void leavesOutClosedPositions() {
        // Given a position sold down to zero shares that is still in the stored item
        Portfolio portfolio = portfolio(
                "100.00", Map.of("ACME", 0L, "BOLT", 1L), Map.of("ACME", money("0.00"), "BOLT", money("9.99")));

        // When valued
        ValuedPortfolio valued = PortfolioValuation.value(
                portfolio, Map.of("ACME", new BigDecimal("50.00"), "BOLT", new BigDecimal("10.00")));

        // Then it is neither listed nor priced
        assertThat(valued.holdings()).extracting(ValuedHolding::symbol).containsExactly("BOLT");
        assertThat(PortfolioValuation.heldSymbols(portfolio)).containsExactly("BOLT");
        assertThat(valued.totalValue()).isEqualTo(money("110.00"));
    }

    @Test
    void ignoresPricesOfSymbolsNotHeld() {
        Portfolio portfolio = portfolio("10.00", Map.of("ACME", 1L), Map.of("ACME", money("5.00")));

        ValuedPortfolio valued = PortfolioValuation.value(
                portfolio, Map.of("ACME", new BigDecimal("6.00"), "OTHER", new BigDecimal("1000.00")));

        assertThat(valued.holdingsValue()).isEqualTo(money("6.00"));
        assertThat(valued.totalValue()).isEqualTo(money("16.00"));
    }

    @Test
    void treatsAHeldSymbolWithoutRecordedCostAsFree() {
        Portfolio portfolio = portfolio("0.00", Map.of("GIFT", 4L), Map.of());

        ValuedPortfolio valued = PortfolioValuation.value(portfolio, Map.of("GIFT", new BigDecimal("2.50")));

        assertThat(valued.holdings())
                .containsExactly(new ValuedHolding(
                        "GIFT", 4, money("0.0000"), money("0.00"), money("2.50"), money("10.00"), money("10.00")));
    }

    private static Portfolio portfolio(String cash, Map<String, Long> holdings, Map<String, BigDecimal> costBasis) {
        return new Portfolio("alice", money(cash), holdings, costBasis, money("0.00"), UPDATED, 3);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
