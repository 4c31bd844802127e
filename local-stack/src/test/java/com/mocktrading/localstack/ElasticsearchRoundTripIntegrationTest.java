package com.mocktrading.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElasticsearchRoundTripIntegrationTest {

    private final RestClient restClient = RestClient.builder(
                    HttpHost.create(SharedServers.elasticsearch().httpUrl()))
            .build();
    private final ElasticsearchClient client =
            new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));

    @AfterEach
    void closeClient() throws Exception {
        restClient.close();
    }

    record Trade(String userId, String symbol, long quantity) {}

    @Test
    void indexesSearchesAndAggregatesTrades() throws Exception {
        // Given an index with a typed mapping and three trades
        String index = "round-trip-" + System.nanoTime();
        client.indices().create(c -> c.index(index)
                .mappings(m -> m.properties(Map.of(
                        "userId", Property.of(p -> p.keyword(k -> k)),
                        "symbol", Property.of(p -> p.keyword(k -> k)),
                        "quantity", Property.of(p -> p.long_(l -> l))))));
        List<Trade> trades =
                List.of(new Trade("alice", "ACME", 10), new Trade("alice", "BOLT", 3), new Trade("bob", "ACME", 7));
        for (int i = 0; i < trades.size(); i++) {
            String id = Integer.toString(i);
            Trade trade = trades.get(i);
            client.index(r -> r.index(index).id(id).document(trade));
        }
        client.indices().refresh(r -> r.index(index));

        // When searching alice's trades with a volume-per-symbol aggregation
        SearchResponse<Trade> response = client.search(
                s -> s.index(index)
                        .query(q -> q.term(t -> t.field("userId").value("alice")))
                        .sort(o -> o.field(f -> f.field("quantity")))
                        .aggregations("bySymbol", a -> a.terms(t -> t.field("symbol"))
                                .aggregations("volume", v -> v.sum(sum -> sum.field("quantity")))),
                Trade.class);

        // Then only hers come back, sorted, with the right volumes
        assertThat(response.hits().hits())
                .extracting(hit -> hit.source().symbol())
                .containsExactly("BOLT", "ACME");
        List<StringTermsBucket> buckets =
                response.aggregations().get("bySymbol").sterms().buckets().array();
        assertThat(buckets)
                .extracting(b -> b.key().stringValue() + "="
                        + (long) b.aggregations().get("volume").sum().value())
                .containsExactlyInAnyOrder("ACME=10", "BOLT=3");
    }
}
