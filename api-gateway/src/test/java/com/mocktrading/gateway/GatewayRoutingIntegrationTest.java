package com.mocktrading.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.gateway.support.RecordingUpstream;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.fault.Fault;
import com.mocktrading.localstack.fault.FaultProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routing and edge rules of the gateway in the local profile, in front of a recording upstream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayRoutingIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path KEYS = keys();
    private static final DevTokenIssuer ISSUER = DevTokenIssuer.loadOrCreate(KEYS);
    private static final RecordingUpstream UPSTREAM = RecordingUpstream.start();
    /** The order-service route reaches the upstream through a proxy that can break its connections. */
    private static final FaultProxy ORDERS = FaultProxy.start(
            "order-service", 0, "127.0.0.1", URI.create(UPSTREAM.url()).getPort(), FaultProxy.Framing.BYTES);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mocktrading.gateway.order-service", () -> "http://" + ORDERS.address());
        // The proxy breaks connections on purpose; a health check caught in that would take the one instance out of
        // rotation for the next test. Balancing and health checks are OrderReplicasIntegrationTest's subject.
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
        registry.add("mocktrading.gateway.portfolio-service", UPSTREAM::url);
        registry.add("mocktrading.gateway.query-service", UPSTREAM::url);
        registry.add("mocktrading.gateway.market-data-service", () -> "http://127.0.0.1:" + FreePorts.next());
        registry.add("mocktrading.gateway.market-data-websocket", () -> UPSTREAM.url()
                .replace("http://", "ws://"));
        registry.add("mocktrading.gateway.rate-limit.redis-uri", () -> SharedServers.redis()
                .uri());
        registry.add("mocktrading.gateway.rate-limit.capacity", () -> "1000");
        registry.add(
                "mocktrading.security.jwt.public-key-location",
                () -> KEYS.resolve("public.pem").toUri().toString());
        registry.add("mocktrading.security.jwt.issuer", () -> DevTokenIssuer.ISSUER);
        registry.add(
                "mocktrading.dev-token.key-location",
                () -> KEYS.resolve("signing-key.jwk.json").toUri().toString());
    }

    @AfterAll
    static void stopUpstream() {
        ORDERS.close();
        UPSTREAM.close();
    }

    @Test
    void routesVersionedPathsToTheServiceWithTheCallersTokenAndTheRequestId() throws Exception {
        String token = ISSUER.issue("alice");

        HttpResponse<String> response = send(get("/v1/portfolio/alice?x=1")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-42"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"upstream\":true}");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42");
        RecordingUpstream.Forwarded forwarded = UPSTREAM.next();
        assertThat(forwarded.pathAndQuery()).isEqualTo("/portfolio/alice?x=1");
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(forwarded.header("X-Request-Id")).isEqualTo("req-42");
    }

    @Test
    void servesNoActuatorEndpointOnItsPublicPort() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env"}) {
            HttpResponse<String> response = send(get(path));

            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("\"status\":\"UP\"");
        }
    }

    @Test
    void routesEveryServicesPaths() throws Exception {
        String token = "Bearer " + ISSUER.issue("alice");
        for (String path :
                new String[] {"/v1/orders", "/v1/orders/o-1", "/v1/trades/search?size=5", "/v1/analytics/volume"}) {
            assertThat(send(get(path).header("Authorization", token)).statusCode())
                    .as(path)
                    .isEqualTo(200);
            assertThat(UPSTREAM.next().pathAndQuery()).isEqualTo(path.substring(3));
        }
    }

    @Test
    void refusesMissingForgedAndExpiredTokensWithProblems() throws Exception {
        String expired = ISSUER.issue("alice", Duration.ofSeconds(-120));
        String forged = ISSUER.issue("alice").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");

        for (HttpRequest.Builder request : new HttpRequest.Builder[] {
            get("/v1/orders"),
            get("/v1/orders").header("Authorization", "Bearer " + expired),
            get("/v1/orders").header("Authorization", "Bearer " + forged),
            get("/v1/orders").header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.")
        }) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        }
        assertThat(UPSTREAM.next()).as("nothing reached the service").isNull();
    }

    @Test
    void issuesDevelopmentTokensThatTheGatewayAccepts() throws Exception {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(uri("/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"bob\"}")));
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.body()).contains("\"expiresAt\"");
        assertThat(send(get("/v1/orders").header("Authorization", "Bearer " + token))
                        .statusCode())
                .isEqualTo(200);
        assertThat(UPSTREAM.next().header("Authorization")).isEqualTo("Bearer " + token);
        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"../../etc\"}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("VALIDATION_FAILED");
    }

    @Test
    void keepsInjectedHeadersAndPathsFromReachingAnythingElse() throws Exception {
        String token = "Bearer " + ISSUER.issue("alice");

        HttpResponse<String> spoofedId = send(get("/v1/orders")
                .header("Authorization", token)
                .header("X-Request-Id", "x\" onload=alert(1) " + "y".repeat(100)));
        RecordingUpstream.Forwarded forwarded = UPSTREAM.next();
        assertThat(spoofedId.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(forwarded.header("X-Request-Id"))
                .isEqualTo(spoofedId.headers().firstValue("X-Request-Id").orElseThrow());

        for (String path : new String[] {
            "/v1/orders/..%2F..%2Factuator%2Fenv",
            "/v1/orders/%2e%2e/%2e%2e/actuator/env",
            "/v1/portfolio/..;/..;/admin"
        }) {
            HttpResponse<String> response = send(get(path).header("Authorization", token));
            RecordingUpstream.Forwarded reached = UPSTREAM.next();
            if (reached != null) {
                // Forwarded at most inside the same service's own path space, still encoded, never decoded
                // into a path of another service or of the gateway itself.
                assertThat(reached.pathAndQuery())
                        .startsWith(path.startsWith("/v1/orders") ? "/orders/" : "/portfolio/");
                assertThat(reached.pathAndQuery()).doesNotStartWith("/actuator").doesNotStartWith("/admin");
            } else {
                assertThat(response.statusCode()).isIn(400, 404);
            }
            assertThat(response.body()).doesNotContain("\"propertySources\"");
        }
    }

    @Test
    void refusesOversizedBodies() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/orders"))
                .header("Authorization", "Bearer " + ISSUER.issue("alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(20_000) + "\"}")));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"VALIDATION_FAILED\"");
        assertThat(UPSTREAM.next()).isNull();
    }

    @Test
    void answersCorsPreflightsForTheWebPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/orders"))
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    }

    @Test
    void forwardsAWebSocketsQueryTokenAsAHeaderSoNoForwardedUriCarriesIt() throws Exception {
        String token = ISSUER.issue("alice");

        // The recording upstream is no WebSocket server: the handshake fails, after it recorded what it got.
        try {
            HTTP.newWebSocketBuilder()
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/v1/marketdata?access_token=" + token),
                            new java.net.http.WebSocket.Listener() {})
                    .get(20, java.util.concurrent.TimeUnit.SECONDS)
                    .abort();
        } catch (java.util.concurrent.ExecutionException expected) {
            // no upgrade from the recording upstream
        }

        RecordingUpstream.Forwarded forwarded = UPSTREAM.next();
        assertThat(forwarded).isNotNull();
        assertThat(forwarded.pathAndQuery()).isEqualTo("/marketdata").doesNotContain(token);
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void answers503WhenTheServiceIsDown() throws Exception {
        HttpResponse<String> response =
                send(get("/v1/symbols").header("Authorization", "Bearer " + ISSUER.issue("alice")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void answersAProblemWhenTheServiceBreaksOffMidRequestNeverA500() throws Exception {
        String bearer = "Bearer " + ISSUER.issue("alice");
        HttpResponse<String> write = brokenOffMidRequest(HttpRequest.newBuilder(uri("/v1/orders"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}")));
        HttpResponse<String> read =
                brokenOffMidRequest(get("/v1/orders/some-order").header("Authorization", bearer));

        // The write may have happened: the client is told so, and how to find out.
        assertThat(write.statusCode()).as(write.body()).isEqualTo(502);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(write.body()).contains("\"code\":\"UPSTREAM_FAILED\"").doesNotContain("Exception");
        assertThat(write.headers().firstValue("Retry-After")).isPresent();
        // A read changed nothing.
        assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
        assertThat(read.body()).contains("\"code\":\"DEPENDENCY_UNAVAILABLE\"");
    }

    @Test
    void answersAProblemWhenAServerInFrontOfTheServiceAnswersABareError() throws Exception {
        String bearer = "Bearer " + ISSUER.issue("alice");

        UPSTREAM.failNext(503);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/orders"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}")));
        UPSTREAM.failNext(500);
        HttpResponse<String> failedWrite = send(HttpRequest.newBuilder(uri("/v1/orders"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":1}")));
        UPSTREAM.failNext(500);
        HttpResponse<String> failedRead = send(get("/v1/portfolio/alice").header("Authorization", bearer));

        // The service's code never ran: nothing was done.
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"DEPENDENCY_UNAVAILABLE\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // A write may have happened; a read changed nothing.
        assertThat(failedWrite.statusCode()).isEqualTo(502);
        assertThat(failedWrite.body()).contains("\"code\":\"UPSTREAM_FAILED\"");
        assertThat(failedRead.statusCode()).isEqualTo(503);
        assertThat(failedRead.body()).contains("\"code\":\"DEPENDENCY_UNAVAILABLE\"");
    }

    /** The request reaches the service, whose connection is then reset before it answers, as when it dies. */
    private static HttpResponse<String> brokenOffMidRequest(HttpRequest.Builder request) throws Exception {
        UPSTREAM.forget();
        ORDERS.inject(Fault.HALF_OPEN);
        try {
            CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(
                    request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(UPSTREAM.next()).isNotNull();
            ORDERS.inject(Fault.RESET);
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertThat(UPSTREAM.next(Duration.ofSeconds(1)))
                    .as("what the service may have done is never sent again by the gateway")
                    .isNull();
            return response;
        } finally {
            ORDERS.heal();
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path keys() {
        try {
            return Files.createTempDirectory("gateway-dev-issuer");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
