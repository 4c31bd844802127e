package com.mocktrading.query.history.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.query.history.SearchCursor;
import com.mocktrading.query.history.TradeSearchCriteria;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TradeSearchRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void filtersWithExactTermsAndAHalfOpenRangeOnly() {
        TradeSearchCriteria criteria = new TradeSearchCriteria(
                "alice",
                "ACME",
                Side.BUY,
                ExecutionStatus.EXECUTED,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                50,
                null);

        JsonNode body = body(TradeSearchRequests.of(criteria, 51));

        assertThat(body.path("query"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        {"bool":{"filter":[
                          {"term":{"userId":{"value":"alice"}}},
                          {"term":{"symbol":{"value":"ACME"}}},
                          {"term":{"side":{"value":"BUY"}}},
                          {"term":{"status":{"value":"EXECUTED"}}},
                          {"range":{"executionTimestamp":{"gte":"2026-11-01T00:00:00.000Z","lt":"2026-12-01T00:00:00.000Z",
                                                          "format":"strict_date_optional_time"}}}]}}
                        """));
        assertThat(body.path("size").asInt()).isEqualTo(51);
        assertThat(body.path("track_total_hits").asBoolean()).isFalse();
        assertThat(body.has("search_after")).isFalse();
        assertThat(body.has("from")).isFalse();
    }

    @Test
    void sortsNewestFirstWithTheEventIdAsTieBreakerAndContinuesAfterTheCursor() {
        TradeSearchCriteria criteria = new TradeSearchCriteria(
                "alice",
                null,
                null,
                null,
                null,
                null,
                10,
                new SearchCursor(Instant.parse("2026-11-24T03:00:00.123Z"), "e-9"));

        JsonNode body = body(TradeSearchRequests.of(criteria, 11));

        assertThat(body.path("sort"))
                .isEqualTo(
                        JSON.readTree(
                                """
                        [{"executionTimestamp":{"order":"desc","unmapped_type":"date"}},
                         {"eventId":{"order":"desc","unmapped_type":"keyword"}}]
                        """));
        assertThat(body.path("search_after")).isEqualTo(JSON.readTree("[1795489200123,\"e-9\"]"));
        assertThat(body.path("query").path("bool").path("filter")).hasSize(1);
    }

    @Test
    void neverParsesUserTextAsQuerySyntax() {
        // A value that would be query syntax elsewhere stays an exact term (the parser refuses it long before).
        TradeSearchCriteria criteria =
                new TradeSearchCriteria("alice OR userId:*", null, null, null, null, null, 10, null);

        String body = JsonpUtils.toJsonString(TradeSearchRequests.of(criteria, 11), new JacksonJsonpMapper());

        assertThat(body)
                .doesNotContain("query_string")
                .doesNotContain("simple_query_string")
                .doesNotContain("match");
        assertThat(body).contains("{\"term\":{\"userId\":{\"value\":\"alice OR userId:*\"}}}");
    }

    @Test
    void searchesEveryMonthlyIndexAndToleratesThereBeingNone() {
        SearchRequest request =
                TradeSearchRequests.of(new TradeSearchCriteria("alice", null, null, null, null, null, 1, null), 2);

        assertThat(request.index()).containsExactly("trading_trades-*");
        assertThat(request.ignoreUnavailable()).isTrue();
        assertThat(request.allowNoIndices()).isTrue();
    }

    private static JsonNode body(SearchRequest request) {
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
