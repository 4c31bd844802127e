package com.mocktrading.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00.123Z");
    private static final BigDecimal PRICE = new BigDecimal("10.5");

    @ParameterizedTest
    @ValueSource(strings = {"A", "BRK.B", "0123456789", "X.1"})
    void acceptsSymbolsOfUpToTenUpperCaseLettersDigitsAndDots(String symbol) {
        assertThat(new MarketDataPayload(symbol, PRICE, NOW).symbol()).isEqualTo(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aapl", "TOOLONGSYMB", "BRK-B", "A B"})
    void rejectsOtherSymbolsNamingTheField(String symbol) {
        assertThatThrownBy(() -> new MarketDataPayload(symbol, PRICE, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symbol must be 1-10 characters of [A-Z0-9.]");
    }

    @Test
    void rejectsNonPositivePrice() {
        assertThatThrownBy(() -> new MarketDataPayload("AAPL", BigDecimal.ZERO, NOW))
                .hasMessage("price must be > 0, was 0");
        assertThatThrownBy(() -> new MarketDataPayload("AAPL", new BigDecimal("-0.01"), NOW))
                .hasMessage("price must be > 0, was -0.01");
    }

    @Test
    void rejectsPricesFinerThanFourDecimals() {
        assertThatThrownBy(() -> new MarketDataPayload("ACME", new BigDecimal("1.00001"), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price has more than 4 decimals");
        assertThat(new MarketDataPayload("ACME", new BigDecimal("1.23450000"), Instant.EPOCH).price())
                .isEqualByComparingTo("1.2345");
    }

    @Test
    void rejectsMissingRequiredFieldsNamingThem() {
        assertThatThrownBy(() -> new MarketDataPayload("AAPL", null, NOW))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("price is required");
        assertThatThrownBy(() -> new TradeOrderPayload("ord-1", " ", "AAPL", 1, Side.BUY, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userId must not be blank");
        assertThatThrownBy(() -> new TradeOrderPayload("ord-1", "alice", "AAPL", 1, null, NOW))
                .hasMessage("side is required");
    }

    @Test
    void rejectsQuantityBelowOne() {
        assertThatThrownBy(() -> new TradeOrderPayload("ord-1", "alice", "AAPL", 0, Side.BUY, NOW))
                .hasMessage("quantity must be >= 1, was 0");
    }

    @Test
    void truncatesTimestampsToTheMillisecondsTheWireCarries() {
        var payload = new TradeOrderPayload(
                "ord-1", "alice", "AAPL", 1, Side.BUY, Instant.parse("2026-11-24T03:00:00.123999999Z"));

        assertThat(payload.orderTimestamp()).isEqualTo(NOW);
    }

    @Test
    void widensNegativePriceScaleSoThePlainWireFormRoundTrips() {
        assertThat(new MarketDataPayload("AAPL", new BigDecimal("1E+2"), NOW).price())
                .isEqualTo(new BigDecimal("100"));
    }

    @Test
    void requiresExecutionPriceExactlyWhenExecuted() {
        assertThatThrownBy(() -> new TradeExecutedPayload(
                        "ord-1", "alice", "AAPL", 1, Side.BUY, ExecutionStatus.EXECUTED, null, NOW, null))
                .hasMessage("executionPrice is required when status is EXECUTED");
        assertThatThrownBy(() -> new TradeExecutedPayload(
                        "ord-1",
                        "alice",
                        "AAPL",
                        1,
                        Side.BUY,
                        ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
                        PRICE,
                        NOW,
                        null))
                .hasMessage("executionPrice must be absent when status is FAILED_INSUFFICIENT_HOLDINGS");
    }

    @Test
    void buildsExecutedAndFailedOutcomesFromTheOrder() {
        var executed = TradeExecutedPayload.executed(Samples.ORDER, PRICE, NOW);
        var failed =
                TradeExecutedPayload.failed(Samples.ORDER, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, NOW, "short");

        assertThat(executed.status().isExecuted()).isTrue();
        assertThat(executed.executionPrice()).isEqualTo(PRICE);
        assertThat(failed.status().isExecuted()).isFalse();
        assertThat(failed.executionPrice()).isNull();
        assertThat(failed.failureReason()).isEqualTo("short");
        assertThat(executed.orderId()).isEqualTo(failed.orderId()).isEqualTo("ord-1");
        assertThatThrownBy(() -> TradeExecutedPayload.failed(Samples.ORDER, ExecutionStatus.EXECUTED, NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyExecutedCountsAsExecuted() {
        assertThat(ExecutionStatus.values())
                .filteredOn(ExecutionStatus::isExecuted)
                .containsExactly(ExecutionStatus.EXECUTED);
    }

    @Test
    void createsEnvelopesWithRandomIdsOrTheGivenOne() {
        var first = EventEnvelope.create("order-service", 1, Samples.ORDER, null);
        var second = EventEnvelope.create("order-service", 1, Samples.ORDER, null);
        var derived = EventEnvelope.createWithId("ord-1:executed", "flink-execution-job", 1, Samples.ORDER, null);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(derived.eventId()).isEqualTo("ord-1:executed");
        assertThat(derived.eventTimestamp()).isBeforeOrEqualTo(Instant.now());
        assertThat(derived.traceContext()).isNull();
    }

    @Test
    void rejectsInvalidEnvelopes() {
        assertThatThrownBy(() -> new EventEnvelope<>("", NOW, "svc", 1, Samples.ORDER, null))
                .hasMessage("eventId must not be blank");
        assertThatThrownBy(() -> new EventEnvelope<>("e", NOW, "svc", 0, Samples.ORDER, null))
                .hasMessage("schemaVersion must be >= 1, was 0");
        assertThatThrownBy(() -> new EventEnvelope<>("e", NOW, "svc", 1, null, null))
                .hasMessage("payload is required");
        assertThatThrownBy(() -> TraceContext.of(" ")).hasMessage("traceparent must not be blank");
    }

    @Test
    void theTraceIdIsReadFromAWellFormedTraceparentOnly() {
        assertThat(TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .traceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.of("00-abc-def-01").traceId()).isNull();
        assertThat(TraceContext.of("garbage").traceId()).isNull();
    }
}
