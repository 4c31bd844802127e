package com.mocktrading.core.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.domain.money.Money;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The stored shapes of a trade outcome, written by the persistence job and read by the query service: an
 * Elasticsearch document in the month's index {@code trading_trades-yyyy-MM} (id = eventId, so a replay
 * overwrites), and a ClickHouse {@code trading_trades} row (JSONEachRow; decimals unquoted, which 18.16
 * requires). The mapping and the table are in schema-bootstrap.
 */
public final class TradeHistory {

    public static final String INDEX_PREFIX = "trading_trades-";
    public static final String INDEX_PATTERN = INDEX_PREFIX + "*";
    public static final String TABLE = "trading_trades";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLICKHOUSE_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TradeHistory() {}

    /** The monthly index a trade belongs to, by its execution time (UTC). */
    public static String indexOf(Instant executionTimestamp) {
        return INDEX_PREFIX + MONTH.format(executionTimestamp);
    }

    /** The Elasticsearch document ({@link TradeDocument}) of the event. */
    public static String document(EventEnvelope<TradeExecutedPayload> event) {
        return TradeDocument.of(event).toJson();
    }

    /** One JSONEachRow line (no newline) for {@code trading_trades}. */
    public static String clickHouseRow(EventEnvelope<TradeExecutedPayload> event) {
        TradeExecutedPayload trade = event.payload();
        Instant at = trade.executionTimestamp();
        StringBuilder row = new StringBuilder(256)
                .append("{\"event_id\":")
                .append(quote(event.eventId()))
                .append(",\"order_id\":")
                .append(quote(trade.orderId()))
                .append(",\"user_id\":")
                .append(quote(trade.userId()))
                .append(",\"symbol\":")
                .append(quote(trade.symbol()))
                .append(",\"side\":")
                .append(quote(trade.side().name()))
                .append(",\"quantity\":")
                .append(trade.quantity())
                .append(",\"status\":")
                .append(quote(trade.status().name()))
                .append(",\"execution_price\":")
                .append(
                        trade.executionPrice() == null
                                ? "null"
                                : Money.price(trade.executionPrice()).toPlainString())
                .append(",\"execution_time\":")
                .append(quote(CLICKHOUSE_SECONDS.format(at)))
                .append(",\"execution_millis\":")
                .append(at.toEpochMilli() % 1000)
                .append(",\"failure_reason\":")
                .append(quote(trade.failureReason() == null ? "" : trade.failureReason()))
                .append('}');
        return row.toString();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
