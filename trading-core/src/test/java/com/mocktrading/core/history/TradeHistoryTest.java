package com.mocktrading.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-30T23:59:59.987Z");

    @Test
    void putsATradeInTheIndexOfItsExecutionMonthUtc() {
        assertThat(TradeHistory.indexOf(AT)).isEqualTo("trading_trades-2026-11");
        assertThat(TradeHistory.indexOf(AT.plusMillis(13))).isEqualTo("trading_trades-2026-12");
    }

    @Test
    void writesExecutedTradesWithExactPrices() throws Exception {
        EventEnvelope<TradeExecutedPayload> event = event(new TradeExecutedPayload(
                "o-1", "alice", "ACME", 3, Side.BUY, ExecutionStatus.EXECUTED, new BigDecimal("123.4567"), AT, null));

        JsonNode doc = JSON.readTree(TradeHistory.document(event));
        JsonNode row = JSON.readTree(TradeHistory.clickHouseRow(event));

        assertThat(doc.get("eventId").asText()).isEqualTo(event.eventId());
        assertThat(doc.get("executionPrice").asText()).isEqualTo("123.4567");
        assertThat(doc.get("executionPriceE4").asLong()).isEqualTo(1_234_567L);
        assertThat(doc.get("executionTimestamp").asText()).isEqualTo("2026-11-30T23:59:59.987Z");
        assertThat(doc.has("failureReason")).isFalse();
        assertThat(TradeHistory.clickHouseRow(event)).contains("\"execution_price\":123.4567,");
        assertThat(row.get("execution_time").asText()).isEqualTo("2026-11-30 23:59:59");
        assertThat(row.get("execution_millis").asInt()).isEqualTo(987);
    }

    @Test
    void writesFailedTradesWithoutAPrice() throws Exception {
        EventEnvelope<TradeExecutedPayload> event = event(new TradeExecutedPayload(
                "o-2",
                "bob",
                "BOLT",
                5,
                Side.SELL,
                ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
                null,
                AT,
                "holds \"2\""));

        JsonNode doc = JSON.readTree(TradeHistory.document(event));
        JsonNode row = JSON.readTree(TradeHistory.clickHouseRow(event));

        assertThat(doc.has("executionPrice")).isFalse();
        assertThat(doc.get("failureReason").asText()).isEqualTo("holds \"2\"");
        assertThat(row.get("execution_price").isNull()).isTrue();
        assertThat(row.get("failure_reason").asText()).isEqualTo("holds \"2\"");
    }

    @Test
    void readsBackEveryFieldItWrites() throws Exception {
        EventEnvelope<TradeExecutedPayload> executed = event(new TradeExecutedPayload(
                "o-3", "carol", "BRK.B", 7, Side.SELL, ExecutionStatus.EXECUTED, new BigDecimal("0.0100"), AT, null));
        EventEnvelope<TradeExecutedPayload> failed = event(new TradeExecutedPayload(
                "o-4", "carol", "ACME", 1, Side.BUY, ExecutionStatus.FAILED_PRICE_UNAVAILABLE, null, AT, "stale"));

        for (EventEnvelope<TradeExecutedPayload> event : List.of(executed, failed)) {
            TradeDocument read = TradeDocument.from(JSON.readTree(TradeHistory.document(event)));

            assertThat(read).isEqualTo(TradeDocument.of(event));
            assertThat(read.executedAt()).isEqualTo(AT);
        }
        assertThat(TradeDocument.of(executed).price()).isEqualByComparingTo("0.01");
        assertThat(TradeDocument.of(failed).price()).isNull();
        // A field a newer writer adds does not break this reader.
        assertThat(TradeDocument.from(
                                JSON.readTree(TradeHistory.document(executed).replace("{", "{\"traceId\":\"t-1\",")))
                        .eventId())
                .isEqualTo(executed.eventId());
    }

    private static EventEnvelope<TradeExecutedPayload> event(TradeExecutedPayload payload) {
        return Topics.TRADE_EXECUTED.newEvent("test", payload, null);
    }
}
