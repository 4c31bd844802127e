package com.mocktrading.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.gateway.support.RecordingUpstream;
import com.mocktrading.gateway.support.RecordingUpstream.Forwarded;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
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
 * Orders balanced over several order-service replicas: every order reaches a ready replica exactly once, the
 * ready ones share the load, a replica that dies (nothing listens on its port any more, as after a kill -9) is
 * skipped even before a health check notices, and with no replica ready the client hears that nothing was sent.
 */
class OrderReplicasIntegrationTest {

    private static final String ORDER = "{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<RecordingUpstream> UPSTREAMS = new ArrayList<>();
    private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();

    @AfterAll
    static void stop() {
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        UPSTREAMS.forEach(RecordingUpstream::close);
    }

    @Test
    void spreadsOrdersOverTheReplicasAndSendsEachOnceToALiveOneWhenAReplicaDies() throws Exception {
        RecordingUpstream first = upstream(RecordingUpstream.start());
        RecordingUpstream second = upstream(RecordingUpstream.start());
        RecordingUpstream third = upstream(RecordingUpstream.start());
        // Health checks only at start: the Retry filter alone has to get past the replica that dies below.
        Gateway gateway = gateway(
                List.of(first.url(), second.url(), third.url()),
                "--spring.cloud.loadbalancer.health-check.interval=1h");

        List<String> before = gateway.placeOrders(9);
        List<String> shares = new ArrayList<>();
        for (RecordingUpstream replica : List.of(first, second, third)) {
            List<String> share = keysReceived(replica);
            assertThat(share).as("a replica's share").isNotEmpty();
            shares.addAll(share);
        }
        assertThat(shares).as("each order forwarded once").containsExactlyInAnyOrderElementsOf(before);

        third.close();
        List<String> after = gateway.placeOrders(12);
        List<String> received = new ArrayList<>(keysReceived(first));
        received.addAll(keysReceived(second));
        assertThat(received)
                .as("each order forwarded once, the body intact")
                .containsExactlyInAnyOrderElementsOf(after);
        assertThat(gateway.routedOrders())
                .as("each request passed the route's filters once")
                .isEqualTo(before.size() + after.size());
    }

    @Test
    void sendsNothingToAReplicaThatIsNotReady() throws Exception {
        RecordingUpstream ready = upstream(RecordingUpstream.start());
        RecordingUpstream starting = upstream(RecordingUpstream.notReady());
        Gateway gateway = gateway(List.of(ready.url(), starting.url()));

        List<String> placed = gateway.placeOrders(6);

        assertThat(keysReceived(ready)).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(keysReceived(starting)).isEmpty();
    }

    @Test
    void answersThatNothingWasSentWhenNoReplicaIsReady() throws Exception {
        RecordingUpstream starting = upstream(RecordingUpstream.notReady());
        Gateway gateway = gateway(List.of(starting.url(), "http://127.0.0.1:" + FreePorts.next()));

        HttpResponse<String> answer = gateway.placeOrder(UUID.randomUUID().toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"DEPENDENCY_UNAVAILABLE\"");
        assertThat(keysReceived(starting)).isEmpty();
    }

    /** What {@code replica} was sent, drained: the Idempotency-Key of each POST, checking its body arrived whole. */
    private static List<String> keysReceived(RecordingUpstream replica) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (Forwarded forwarded = replica.next(Duration.ofMillis(500));
                forwarded != null;
                forwarded = replica.next(Duration.ofMillis(500))) {
            assertThat(forwarded.method()).isEqualTo("POST");
            assertThat(forwarded.pathAndQuery()).isEqualTo("/orders");
            assertThat(forwarded.body()).isEqualTo(ORDER);
            keys.add(forwarded.header("Idempotency-Key"));
        }
        return keys;
    }

    private static RecordingUpstream upstream(RecordingUpstream upstream) {
        UPSTREAMS.add(upstream);
        return upstream;
    }

    private static Gateway gateway(List<String> replicas, String... more) {
        int managementPort = FreePorts.next();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + FreePorts.next(),
                "--management.server.port=" + managementPort,
                "--mocktrading.gateway.rate-limit.redis-uri="
                        + SharedServers.redis().uri(),
                "--mocktrading.gateway.rate-limit.capacity=1000",
                "--mocktrading.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--mocktrading.security.jwt.issuer=" + DevTokenIssuer.ISSUER));
        for (int i = 0; i < replicas.size(); i++) {
            arguments.add(
                    "--spring.cloud.discovery.client.simple.instances.order-service[" + i + "].uri=" + replicas.get(i));
        }
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments.toArray(String[]::new));
        GATEWAYS.add(context);
        return new Gateway(
                ((WebServerApplicationContext) context).getWebServer().getPort(), managementPort);
    }

    private record Gateway(int port, int managementPort) {

        /** Places {@code count} keyed orders one after another, each answered 200; returns their keys. */
        List<String> placeOrders(int count) throws Exception {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = UUID.randomUUID().toString();
                HttpResponse<String> answer = placeOrder(key);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                keys.add(key);
            }
            return keys;
        }

        HttpResponse<String> placeOrder(String key) throws Exception {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", TestTokens.bearer("replicas-user"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** How many requests the gateway's own metrics say went through the orders route. */
        long routedOrders() throws Exception {
            String metrics = HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
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
    }
}
