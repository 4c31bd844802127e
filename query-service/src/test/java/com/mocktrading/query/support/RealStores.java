package com.mocktrading.query.support;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.schema.SharedSchema;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The test JVM's real Elasticsearch and ClickHouse with the system's index template and table, installed once by
 * the same bootstrap a deployment runs. Trades are stored exactly as the persistence job stores them, through
 * {@link TradeHistory}: Elasticsearch documents (id = eventId) in their month's index, ClickHouse JSONEachRow rows.
 * Tests isolate themselves by user ids, symbols and time ranges of their own.
 */
public final class RealStores {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealStores() {}

    public static String elasticsearchUrl() {
        return SharedServers.elasticsearch().httpUrl();
    }

    public static String clickHouseUrl() {
        return SharedServers.clickHouse().httpUrl();
    }

    public static void applySchema() {
        SharedSchema.on(StoreOption.ELASTICSEARCH, StoreOption.CLICKHOUSE);
    }

    /** Indexes the trades as the persistence job does, visible to searches when this returns (refresh). */
    public static void index(Collection<EventEnvelope<TradeExecutedPayload>> events) throws Exception {
        String bulk = events.stream()
                .map(event -> "{\"index\":{\"_index\":\""
                        + TradeHistory.indexOf(event.payload().executionTimestamp()) + "\",\"_id\":\""
                        + event.eventId() + "\"}}\n" + TradeHistory.document(event) + "\n")
                .collect(Collectors.joining());
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(elasticsearchUrl() + "/_bulk?refresh=true"))
                        .header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(bulk))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException("bulk indexing failed: " + response.body());
        }
    }

    /** Inserts the trades' rows as the persistence job does (a replay is simply the same rows again). */
    public static void insertRows(Collection<EventEnvelope<TradeExecutedPayload>> events) throws Exception {
        String rows = events.stream().map(TradeHistory::clickHouseRow).collect(Collectors.joining("\n", "", "\n"));
        String insert = "INSERT INTO " + TradeHistory.TABLE + " FORMAT JSONEachRow";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                clickHouseUrl() + "/?query=" + URLEncoder.encode(insert, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(rows))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ClickHouse insert failed: " + response.body());
        }
    }
}
