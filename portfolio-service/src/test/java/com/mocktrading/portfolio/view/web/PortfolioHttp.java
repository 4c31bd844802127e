package com.mocktrading.portfolio.view.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test over real HTTP, as a client of the contract would, and reads its JSON. */
final class PortfolioHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    PortfolioHttp(int port) {
        this.port = port;
    }

    /** {@code GET /portfolio/{userId}} with the given Authorization header value (none when null). */
    HttpResponse<String> get(String userId, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/portfolio/" + userId))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
