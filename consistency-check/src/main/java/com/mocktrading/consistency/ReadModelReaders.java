package com.mocktrading.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the read models for the check: the whole trade history from Elasticsearch in pages ({@code search_after}
 * on the eventId) after a refresh so that what the persistence job wrote is visible, and every ClickHouse trade
 * row (replays included: the check counts distinct event ids).
 */
public final class ReadModelReaders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final String elasticsearchUrl;
    private final String clickHouseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReadModelReaders(String elasticsearchUrl, String clickHouseUrl) {
        this.elasticsearchUrl = elasticsearchUrl;
        this.clickHouseUrl = clickHouseUrl;
    }

    public List<HistoryTrade> analytics() throws IOException, InterruptedException {
        List<HistoryTrade> rows = new ArrayList<>();
        forEachAnalyticsRow(rows::add);
        return rows;
    }

    /** Streams the analytics rows from ClickHouse, one at a time. */
    public void forEachAnalyticsRow(Consumer<HistoryTrade> row) throws IOException, InterruptedException {
        String query = "SELECT event_id, order_id, user_id, symbol, side, quantity, status,"
                + " toString(execution_price) AS price FROM " + TradeHistory.TABLE + " FORMAT JSONEachRow";
        HttpResponse<Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create(clickHouseUrl + "/"))
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(query))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 300) {
            throw new IOException("ClickHouse answered " + response.statusCode() + ": "
                    + response.body().collect(Collectors.joining("\n")));
        }
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode fields = JSON.readTree(line);
                row.accept(new HistoryTrade(
                        fields.path("event_id").asText(),
                        fields.path("order_id").asText(),
                        fields.path("user_id").asText(),
                        fields.path("symbol").asText(),
                        Side.valueOf(fields.path("side").asText()),
                        fields.path("quantity").asLong(),
                        ExecutionStatus.valueOf(fields.path("status").asText()),
                        fields.path("price").isNull()
                                ? null
                                : new BigDecimal(fields.path("price").asText())));
            }
        }
    }

    public List<HistoryTrade> history() throws IOException, InterruptedException {
        List<HistoryTrade> trades = new ArrayList<>();
        forEachHistoryTrade(trades::add);
        return trades;
    }

    /** Pages through the trade history in Elasticsearch (by event id), handing over one trade at a time. */
    public void forEachHistoryTrade(Consumer<HistoryTrade> trade) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + TradeHistory.INDEX_PATTERN
                        + "/_refresh?ignore_unavailable=true&allow_no_indices=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode after = null;
        while (true) {
            ObjectNode query = JSON.createObjectNode();
            query.put("size", PAGE);
            query.putArray("sort").addObject().put(TradeDocument.EVENT_ID, "asc");
            query.putObject("query").putObject("match_all");
            if (after != null) {
                query.set("search_after", after);
            }
            JsonNode hits = JSON.readTree(send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/"
                                    + TradeHistory.INDEX_PATTERN
                                    + "/_search?ignore_unavailable=true&allow_no_indices=true"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(query.toString()))))
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                trade.accept(trade(hit.path("_source")));
                after = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }

    /** A trade from its history document (the spill files use the same fields). */
    static HistoryTrade trade(JsonNode source) {
        TradeDocument doc = TradeDocument.from(source);
        return new HistoryTrade(
                doc.eventId(),
                doc.orderId(),
                doc.userId(),
                doc.symbol(),
                doc.side(),
                doc.quantity(),
                doc.status(),
                doc.price());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
