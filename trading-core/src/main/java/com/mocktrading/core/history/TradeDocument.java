package com.mocktrading.core.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A trade outcome as the history keeps it in Elasticsearch, one document per event: written by the persistence job,
 * read by the query service and the consistency check, all through this type and Jackson, so a field is added in
 * one place (and in the strict mapping of schema-bootstrap, which refuses a field it does not know).
 *
 * @param executionPrice the exact fill price as its decimal string (never a double); null for a failed trade
 * @param executionPriceE4 the price x 10^4, which sorts and sums; null for a failed trade
 * @param failureReason null for an executed trade
 * @param traceId the trace of the order's way from the API to here (find it in the trace UI); null when untraced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a newer writer's field does not break an older reader
public record TradeDocument(
        String eventId,
        String orderId,
        String userId,
        String symbol,
        Side side,
        long quantity,
        ExecutionStatus status,
        String executionPrice,
        Long executionPriceE4,
        String executionTimestamp,
        String failureReason,
        String eventTimestamp,
        String traceId) {

    /** Field names for the queries that filter and sort by them. */
    public static final String EVENT_ID = "eventId";

    public static final String USER_ID = "userId";
    public static final String SYMBOL = "symbol";
    public static final String SIDE = "side";
    public static final String STATUS = "status";
    public static final String EXECUTION_TIMESTAMP = "executionTimestamp";

    /** What a history page shows of each trade: everything but the derived and bookkeeping fields. */
    public static final List<String> SHOWN = List.of(
            EVENT_ID,
            "orderId",
            USER_ID,
            SYMBOL,
            SIDE,
            "quantity",
            STATUS,
            "executionPrice",
            EXECUTION_TIMESTAMP,
            "failureReason");

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TradeDocument of(EventEnvelope<TradeExecutedPayload> event) {
        TradeExecutedPayload trade = event.payload();
        BigDecimal price = trade.executionPrice();
        return new TradeDocument(
                event.eventId(),
                trade.orderId(),
                trade.userId(),
                trade.symbol(),
                trade.side(),
                trade.quantity(),
                trade.status(),
                price == null ? null : Money.formatPrice(price),
                price == null ? null : Money.price(price).movePointRight(4).longValueExact(),
                Timestamps.format(trade.executionTimestamp()),
                trade.failureReason(),
                Timestamps.format(event.eventTimestamp()),
                event.traceContext() == null ? null : event.traceContext().traceId());
    }

    /** The document as stored (its {@code _source}). */
    public static TradeDocument from(JsonNode source) {
        try {
            return JSON.treeToValue(source, TradeDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a trade document: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trade document always serialises", e);
        }
    }

    /** The exact fill price; null for a failed trade. */
    public BigDecimal price() {
        return executionPrice == null ? null : new BigDecimal(executionPrice);
    }

    public Instant executedAt() {
        return Timestamps.parse(executionTimestamp);
    }
}
