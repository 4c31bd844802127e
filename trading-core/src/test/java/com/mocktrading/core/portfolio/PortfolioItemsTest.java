package com.mocktrading.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PortfolioItemsTest {

    @Test
    void roundTripsThroughTheStoredItem() {
        Portfolio portfolio = new Portfolio(
                "alice",
                new BigDecimal("98765.43"),
                Map.of("ACME", 10L, "BOLT", 1L),
                Map.of("ACME", new BigDecimal("1234.57"), "BOLT", new BigDecimal("0.01")),
                new BigDecimal("-12.30"),
                Instant.parse("2026-11-24T03:00:00.123Z"),
                7);

        assertThat(PortfolioItems.fromItem(PortfolioItems.toItem(portfolio))).isEqualTo(portfolio);
    }

    @Test
    void readsNumbersTheWayDynamoDbNormalisesThem() {
        // DynamoDB returns "100000" for a stored "100000.00"
        Map<String, AttributeValue> stored = Map.of(
                "userId", AttributeValue.fromS("bob"),
                "cashBalance", AttributeValue.fromN("100000"),
                "holdings", AttributeValue.fromM(Map.of("ACME", AttributeValue.fromN("5"))),
                "costBasis", AttributeValue.fromM(Map.of("ACME", AttributeValue.fromN("50.5"))),
                "realizedPnl", AttributeValue.fromN("0"),
                "lastUpdatedTimestamp", AttributeValue.fromS("2026-11-24T03:00:00.000Z"),
                "version", AttributeValue.fromN("1"));

        Portfolio portfolio = PortfolioItems.fromItem(stored);

        assertThat(portfolio.cashBalance()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(portfolio.costBasisOf("ACME")).isEqualTo(new BigDecimal("50.50"));
        assertThat(portfolio.quantityOf("ACME")).isEqualTo(5);
        assertThat(portfolio.quantityOf("NONE")).isZero();
    }
}
