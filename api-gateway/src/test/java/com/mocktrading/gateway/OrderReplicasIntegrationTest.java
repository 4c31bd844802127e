package com.mocktrading.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.gateway.support.RecordingUpstream;
import com.mocktrading.gateway.support.RecordingUpstream.Forwarded;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.auth.DevTokenIssuer;
import com.mocktrading.platform.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Orders balanced over several order-service replicas, one of which is down (nothing listens on its port, as after
 * a kill -9): every order still reaches a live replica, exactly once, and the live ones share the load.
 */
class OrderReplicasIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final RecordingUpstream FIRST = RecordingUpstream.start();
    private static final RecordingUpstream SECOND = RecordingUpstream.start();
    private static final String DOWN = "http://127.0.0.1:" + FreePorts.next();
    private static final int MANAGEMENT_PORT = FreePorts.next();
    private static final ConfigurableApplicationContext GATEWAY = gateway(FIRST.url(), DOWN, SECOND.url());

    @AfterAll
    static void stop() {
        GATEWAY.close();
        FIRST.close();
        SECOND.close();
    }

    @Test
    void placesEveryOrderOnceOnALiveReplicaWhenAnotherRefusesConnections() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(uri("/v1/orders"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", TestTokens.bearer("replicas-user"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        List<String> first = keysReceived(FIRST);
        List<String> second = keysReceived(SECOND);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).as("each order forwarded once, the body intact").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(first).as("the first replica's share").isNotEmpty();
        assertThat(second).as("the second replica's share").isNotEmpty();
        assertThat(routedOrders())
                .as("each request passed the route's filters once")
                .isEqualTo(12);
    }

    /** How many requests the gateway's own metrics say went through the orders route. */
    private static long routedOrders() throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")
                        && line.contains("routeId=\"orders\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** What {@code replica} was sent, drained: the Idempotency-Key of each POST, checking its body arrived whole. */
    private static List<String> keysReceived(RecordingUpstream replica) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (Forwarded forwarded = replica.next(Duration.ofMillis(500));
                forwarded != null;
                forwarded = replica.next(Duration.ofMillis(500))) {
            assertThat(forwarded.method()).isEqualTo("POST");
            assertThat(forwarded.pathAndQuery()).isEqualTo("/orders");
            assertThat(forwarded.body()).isEqualTo("{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}");
            keys.add(forwarded.header("Idempotency-Key"));
        }
        return keys;
    }

    private static URI uri(String path) {
        int port = ((WebServerApplicationContext) GATEWAY).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static ConfigurableApplicationContext gateway(String... replicas) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + FreePorts.next(),
                "--management.server.port=" + MANAGEMENT_PORT,
                "--mocktrading.gateway.rate-limit.redis-uri="
                        + SharedServers.redis().uri(),
                "--mocktrading.gateway.rate-limit.capacity=1000",
                "--mocktrading.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--mocktrading.security.jwt.issuer=" + DevTokenIssuer.ISSUER));
        for (int i = 0; i < replicas.length; i++) {
            arguments.add(
                    "--spring.cloud.discovery.client.simple.instances.order-service[" + i + "].uri=" + replicas[i]);
        }
        return new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments.toArray(String[]::new));
    }
}
