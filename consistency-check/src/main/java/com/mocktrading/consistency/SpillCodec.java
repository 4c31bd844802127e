package com.mocktrading.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of JSON per record, for the check's spill files: exact decimals as strings, instants as ISO-8601.
 */
final class SpillCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpillCodec() {}

    static String order(OrderRecord order) {
        ObjectNode line = JSON.createObjectNode()
                .put("orderId", order.orderId())
                .put("userId", order.userId())
                .put("symbol", order.symbol())
                .put("side", order.side().name())
                .put("quantity", order.quantity())
                .put("status", order.status().name())
                .put("acceptedAt", order.acceptedAt().toString())
                .put("validationPrice", plain(order.validationPrice()))
                .put("executionPrice", plain(order.executionPrice()))
                .put(
                        "executedAt",
                        order.executedAt() == null ? null : order.executedAt().toString())
                .put("failureReason", order.failureReason());
        return line.toString();
    }

    static OrderRecord order(String text) {
        JsonNode line = parse(text);
        return new OrderRecord(
                line.get("orderId").asText(),
                line.get("userId").asText(),
                line.get("symbol").asText(),
                Side.valueOf(line.get("side").asText()),
                line.get("quantity").asLong(),
                OrderStatus.valueOf(line.get("status").asText()),
                Instant.parse(line.get("acceptedAt").asText()),
                decimal(line.get("validationPrice")),
                decimal(line.get("executionPrice")),
                line.get("executedAt").isNull()
                        ? null
                        : Instant.parse(line.get("executedAt").asText()),
                line.get("failureReason").isNull()
                        ? null
                        : line.get("failureReason").asText());
    }

    static String portfolio(Portfolio portfolio) {
        ObjectNode line = JSON.createObjectNode()
                .put("userId", portfolio.userId())
                .put("cashBalance", plain(portfolio.cashBalance()))
                .put("realizedPnl", plain(portfolio.realizedPnl()))
                .put("lastUpdatedTimestamp", portfolio.lastUpdatedTimestamp().toString())
                .put("version", portfolio.version());
        ObjectNode holdings = line.putObject("holdings");
        portfolio.holdings().forEach(holdings::put);
        ObjectNode costBasis = line.putObject("costBasis");
        portfolio.costBasis().forEach((symbol, amount) -> costBasis.put(symbol, plain(amount)));
        return line.toString();
    }

    static Portfolio portfolio(String text) {
        JsonNode line = parse(text);
        Map<String, Long> holdings = new HashMap<>();
        line.get("holdings")
                .fields()
                .forEachRemaining(
                        field -> holdings.put(field.getKey(), field.getValue().asLong()));
        Map<String, BigDecimal> costBasis = new HashMap<>();
        line.get("costBasis")
                .fields()
                .forEachRemaining(field -> costBasis.put(
                        field.getKey(), new BigDecimal(field.getValue().asText())));
        return new Portfolio(
                line.get("userId").asText(),
                new BigDecimal(line.get("cashBalance").asText()),
                holdings,
                costBasis,
                new BigDecimal(line.get("realizedPnl").asText()),
                Instant.parse(line.get("lastUpdatedTimestamp").asText()),
                line.get("version").asLong());
    }

    static String trade(HistoryTrade trade) {
        return JSON.createObjectNode()
                .put("eventId", trade.eventId())
                .put("orderId", trade.orderId())
                .put("userId", trade.userId())
                .put("symbol", trade.symbol())
                .put("side", trade.side().name())
                .put("quantity", trade.quantity())
                .put("status", trade.status().name())
                .put("executionPrice", plain(trade.executionPrice()))
                .toString();
    }

    /** The fields of a trade's history document: read back as one. */
    static HistoryTrade trade(String text) {
        return ReadModelReaders.trade(parse(text));
    }

    static String outcome(TradeExecutedPayload outcome) {
        return JSON.createObjectNode()
                .put("orderId", outcome.orderId())
                .put("userId", outcome.userId())
                .put("symbol", outcome.symbol())
                .put("quantity", outcome.quantity())
                .put("side", outcome.side().name())
                .put("status", outcome.status().name())
                .put("executionPrice", plain(outcome.executionPrice()))
                .put("executionTimestamp", outcome.executionTimestamp().toString())
                .put("failureReason", outcome.failureReason())
                .toString();
    }

    static TradeExecutedPayload outcome(String text) {
        JsonNode line = parse(text);
        return new TradeExecutedPayload(
                line.get("orderId").asText(),
                line.get("userId").asText(),
                line.get("symbol").asText(),
                line.get("quantity").asLong(),
                Side.valueOf(line.get("side").asText()),
                ExecutionStatus.valueOf(line.get("status").asText()),
                decimal(line.get("executionPrice")),
                Instant.parse(line.get("executionTimestamp").asText()),
                line.get("failureReason").isNull()
                        ? null
                        : line.get("failureReason").asText());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a spill line is not JSON: " + text, e);
        }
    }
}
