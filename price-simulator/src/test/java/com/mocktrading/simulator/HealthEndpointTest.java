package com.mocktrading.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.simulator.feed.FeedHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void answers200WhileTheFeedIsHealthyAnd503OnceItIsNot() throws Exception {
        AtomicLong lastAcknowledged = new AtomicLong(System.nanoTime());
        try (HealthEndpoint endpoint =
                new HealthEndpoint(0, new FeedHealth(lastAcknowledged::get, Duration.ofSeconds(30)))) {
            assertThat(get(endpoint).statusCode()).isEqualTo(200);

            lastAcknowledged.set(System.nanoTime() - Duration.ofMinutes(1).toNanos());
            HttpResponse<String> stale = get(endpoint);
            assertThat(stale.statusCode()).isEqualTo(503);
            assertThat(stale.body()).contains("DOWN");
        }
    }

    private static HttpResponse<String> get(HealthEndpoint endpoint) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
