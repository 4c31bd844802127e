package com.mocktrading.query.history.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.query.history.Trade;
import com.mocktrading.query.history.TradeSearchCriteria;
import com.mocktrading.query.history.TradeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The history in Elasticsearch: the monthly {@code trading_trades-*} indices the persistence job writes with
 * {@link com.mocktrading.core.history.TradeHistory#document}. Calls are bounded by the client's timeouts; every
 * failure surfaces as an exception for the caller's circuit breaker.
 */
public class ElasticsearchTradeStore implements TradeStore {

    private final ElasticsearchClient client;

    public ElasticsearchTradeStore(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<Trade> search(TradeSearchCriteria criteria, int limit) {
        SearchResponse<ObjectNode> response;
        try {
            response = client.search(TradeSearchRequests.of(criteria, limit), ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("trade history search failed", e);
        }
        if (Boolean.TRUE.equals(response.timedOut())
                || response.shards().failed().intValue() > 0) {
            // A partial page would make search_after skip the trades of the shards that did not answer.
            throw new IllegalStateException("trade history search returned partial results");
        }
        return response.hits().hits().stream()
                .map(ElasticsearchTradeStore::trade)
                .toList();
    }

    private static Trade trade(Hit<ObjectNode> hit) {
        ObjectNode source = hit.source();
        if (source == null) {
            throw new IllegalStateException("trade " + hit.id() + " came back without its fields");
        }
        return new Trade(
                text(source, "eventId"),
                text(source, "orderId"),
                text(source, "userId"),
                text(source, "symbol"),
                text(source, "side"),
                source.path("quantity").asLong(),
                text(source, "status"),
                // Stored as the exact decimal string; parsed as such, never through a double.
                source.hasNonNull("executionPrice") ? new BigDecimal(text(source, "executionPrice")) : null,
                Timestamps.parse(text(source, TradeSearchRequests.EXECUTION_TIMESTAMP)),
                text(source, "failureReason"));
    }

    private static String text(ObjectNode source, String field) {
        JsonNode value = source.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
