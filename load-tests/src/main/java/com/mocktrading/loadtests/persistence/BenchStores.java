package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.support.BenchmarkHttp.CALL_TIMEOUT;
import static com.mocktrading.loadtests.support.BenchmarkHttp.ok;
import static com.mocktrading.loadtests.support.BenchmarkHttp.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.loadtests.support.BenchmarkHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Elasticsearch and ClickHouse as the benchmark reads them: how many of the run's trades each holds. */
final class BenchStores {

    static final ObjectMapper JSON = new ObjectMapper();

    private final BenchmarkHttp http;
    private final String elasticsearch;
    private final String clickHouse;
    private final String userPrefix;

    BenchStores(BenchmarkHttp http, String elasticsearch, String clickHouse, String userPrefix) {
        this.http = http;
        this.elasticsearch = elasticsearch;
        this.clickHouse = clickHouse;
        this.userPrefix = userPrefix;
    }

    BenchmarkHttp http() {
        return http;
    }

    String elasticsearch() {
        return elasticsearch;
    }

    String clickHouse() {
        return clickHouse;
    }

    /** The run's documents, searchable now. */
    long elasticsearchCount() throws Exception {
        // ignore_unavailable: before the first trade of a month there may be no index to count in.
        String query = "{\"query\":{\"prefix\":{\"userId\":" + JSON.writeValueAsString(userPrefix) + "}}}";
        HttpResponse<String> response = http.send(
                post(elasticsearch + "/" + TradeHistory.INDEX_PATTERN + "/_count?ignore_unavailable=true", query),
                CALL_TIMEOUT);
        return JSON.readTree(ok(response, "Elasticsearch _count")).path("count").asLong();
    }

    /** The run's distinct events in ClickHouse (a replay is the same event again). */
    long clickHouseCount() throws Exception {
        // The run id is generated (hex), never user input, so it is safe inside the SQL text.
        String sql = "SELECT uniqExact(event_id) FROM " + TradeHistory.TABLE + " WHERE user_id LIKE '" + userPrefix
                + "%' FORMAT TabSeparated";
        return Long.parseLong(clickHouseSql(sql).trim());
    }

    /** SQL in the POST body, answer as text; ClickHouse's default user of the local run has no password. */
    String clickHouseSql(String sql) throws Exception {
        return ok(
                http.send(
                        HttpRequest.newBuilder(URI.create(clickHouse + "/"))
                                .POST(HttpRequest.BodyPublishers.ofString(sql)),
                        CALL_TIMEOUT),
                "ClickHouse: " + sql);
    }
}
