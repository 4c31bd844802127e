package com.mocktrading.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Writes an outcome into Elasticsearch and ClickHouse the way the persistence job stores it. */
final class ReadModels {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReadModels() {}

    static void index(EventEnvelope<TradeExecutedPayload> event) throws Exception {
        send(HttpRequest.newBuilder(URI.create(SharedServers.elasticsearch().httpUrl() + "/"
                        + TradeHistory.indexOf(event.payload().executionTimestamp()) + "/_doc/" + event.eventId()
                        + "?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TradeHistory.document(event))));
    }

    static void insertRow(EventEnvelope<TradeExecutedPayload> event) throws Exception {
        send(HttpRequest.newBuilder(URI.create(SharedServers.clickHouse().httpUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT INTO " + TradeHistory.TABLE + " FORMAT JSONEachRow\n"
                        + TradeHistory.clickHouseRow(event))));
    }

    private static void send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }
}
