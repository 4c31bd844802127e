package com.mocktrading.query.history.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mocktrading.core.history.TradeDocument;
import com.mocktrading.query.history.TradeSearchCriteria;
import com.mocktrading.query.history.TradeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The history in Elasticsearch: the monthly {@code trading_trades-*} indices the persistence job writes with
 * {@link TradeDocument}s. Calls are bounded by the client's timeouts; every
 * failure surfaces as an exception for the caller's circuit breaker.
 */
public class ElasticsearchTradeStore implements TradeStore {

    private final ElasticsearchClient client;

    public ElasticsearchTradeStore(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<TradeDocument> search(TradeSearchCriteria criteria, int limit) {
        SearchResponse<TradeDocument> response;
        try {
            response = client.search(TradeSearchRequests.of(criteria, limit), TradeDocument.class);
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

    private static TradeDocument trade(Hit<TradeDocument> hit) {
        TradeDocument doc = hit.source();
        if (doc == null) {
            throw new IllegalStateException("trade " + hit.id() + " came back without its fields");
        }
        return doc;
    }
}
