package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.consistency.ConsistencyCheckCommand;
import com.mocktrading.consistency.Reconciliation;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local run as a user meets it, through the gateway only: servers, services, jobs and the simulated feed up; a
 * development token; live prices and the user's own order update over the WebSocket; an order placed and
 * executed; the portfolio, the history and the volume analytics showing it; all stopped.
 *
 * <p>{@code bin/verify-images} runs the same journey against the project's images ({@code -Dmocktrading.images=TAG}):
 * the services, the simulator and the schema bootstrap in containers, the jobs' jars taken from their images, and
 * the consistency check's and the healthchecks' commands run in their images as Compose runs them.
 */
class LocalRunServicesIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGES = System.getProperty("mocktrading.images");

    @Test
    void servesOrdersAndPortfoliosThroughTheBuiltServicesAndStopsThemAll() throws Exception {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        LocalSystemSettings onFreePorts = LocalSystemSettings.onFreePorts(
                        SharedServers.directory("local-run-services"), checkout)
                .withTelemetry();
        LocalSystemSettings settings = IMAGES == null ? onFreePorts : onFreePorts.withServiceImages(IMAGES);
        Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
        List<ProcessHandle> started;
        try (LocalSystem stack = new LocalSystem(settings)) {
            stack.start();
            everyComponentIsUp(stack);
            Journey journey = new Journey(stack, settings);

            HttpResponse<String> bought = journey.aliceBuysAndSeesTheOrderEverywhere();
            String orderId = JSON.readTree(bought.body()).get("orderId").asText();
            journey.theOrdersTraceShowsItsWholePath(bought);
            journey.anotherUserSeesNoneOf(orderId);
            journey.theEdgeAnswersAsTheServicesDo(bought);
            journey.aliceSellsBackToHerOpeningCash();
            journey.theStoresReconcileWithNothingExcused();
            journey.noTokenInSpansLogsOrMetrics();
            journey.prometheusScrapesEveryMetricTheDashboardsAndAlertsUse();
            if (settings.images() != null) {
                ImageCommands.assertAsComposeRunsThem(stack);
            }
            started = ProcessHandle.current()
                    .descendants()
                    .filter(process -> !before.contains(process))
                    .toList();
        }
        assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    private static void everyComponentIsUp(LocalSystem stack) {
        assertThat(stack.servers())
                .extracting(LocalServer::name)
                .contains(
                        "order-service",
                        "portfolio-service",
                        "market-data-service",
                        "api-gateway",
                        "execution-job",
                        "price-simulator");
    }

    /** One user's way through the gateway, step by step; each step asserts what the user would see. */
    private static final class Journey {

        private final LocalSystem stack;
        private final LocalSystemSettings settings;
        private final String gateway;
        private String token;

        Journey(LocalSystem stack, LocalSystemSettings settings) {
            this.stack = stack;
            this.settings = settings;
            this.gateway = "http://127.0.0.1:" + settings.gatewayPort();
        }

        /**
         * A development token, live prices and the user's own order update over the WebSocket, an order placed and
         * executed, and the history, the volume analytics and the portfolio showing it.
         */
        HttpResponse<String> aliceBuysAndSeesTheOrderEverywhere() throws Exception {
            setPrice(stack, "DEMO", "12.50");
            HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(gateway + "/v1/dev/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"alice\"}"))
                    .build());
            token = JSON.readTree(issued.body()).get("token").asText();
            WebSocketTestClient live = WebSocketTestClient.connect(
                    URI.create("ws://127.0.0.1:" + settings.gatewayPort() + "/v1/marketdata?access_token=" + token));
            live.send("{\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"orders\"]}");
            live.await(frame -> frame.contains("\"type\":\"subscribed\""), Duration.ofSeconds(30));
            String simulated = live.await(frame -> frame.contains("\"topic\":\"prices:ACME\""), Duration.ofSeconds(60));

            HttpResponse<String> placed = placeOrder(gateway, token, "BUY", 4);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
            String orderId = JSON.readTree(placed.body()).get("orderId").asText();
            awaitStatus(settings, token, orderId, "EXECUTED");
            String orderUpdate = live.await(frame -> frame.contains(orderId), Duration.ofSeconds(30));
            live.close();
            awaitBody(gateway + "/v1/trades/search?symbol=DEMO", token, orderId);
            awaitBody(gateway + "/v1/analytics/volume?symbol=DEMO&timeWindow=1h&interval=1h", token, "\"volume\":4");
            HttpResponse<String> portfolio = send(HttpRequest.newBuilder(URI.create(gateway + "/v1/portfolio/alice"))
                    .header("Authorization", "Bearer " + token)
                    .build());

            assertThat(JSON.readTree(simulated).get("payload").get("symbol").asText())
                    .isEqualTo("ACME");
            assertThat(JSON.readTree(orderUpdate).get("type").asText()).isEqualTo("order_update");
            assertThat(JSON.readTree(orderUpdate).get("payload").get("status").asText())
                    .isEqualTo("EXECUTED");
            assertThat(TopicReader.readCommitted(stack.kafka().bootstrapServers())
                            .readToEnd("trade_orders", Duration.ofSeconds(30)))
                    .anySatisfy(record -> assertThat(record.value()).contains(orderId));
            assertThat(portfolio.statusCode()).as(portfolio.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(portfolio.body());
            assertThat(body.get("cashBalance").asText()).isEqualTo("99950.00");
            assertThat(body.get("holdings").get(0).get("quantity").asLong()).isEqualTo(4);
            return placed;
        }

        /**
         * One order's trace as the trace UI shows it: the gateway's request at its root; order-service; the
         * execution (its price read and DynamoDB transaction as children) and the emission of its outcome; both
         * stores' writes and market-data's push after that emission; and the history document naming the trace.
         */
        void theOrdersTraceShowsItsWholePath(HttpResponse<String> placed) throws Exception {
            String traceId = placed.headers().firstValue("X-Trace-Id").orElseThrow();
            String orderId = JSON.readTree(placed.body()).get("orderId").asText();
            ZipkinTraces.Trace trace = new ZipkinTraces(settings.zipkinPort())
                    .await(
                            traceId,
                            Set.of(
                                    "api-gateway",
                                    "order-service",
                                    "execution-job",
                                    "persistence-job",
                                    "market-data-service"),
                            Set.of(
                                    "execute order",
                                    "read price",
                                    "dynamodb transaction",
                                    "emit outcome",
                                    "store in elasticsearch",
                                    "store in clickhouse",
                                    "push order update"),
                            Duration.ofSeconds(90));

            List<ZipkinTraces.TraceSpan> roots = trace.spans().stream()
                    .filter(span -> span.parentId() == null)
                    .toList();
            assertThat(roots).as(trace.describe()).singleElement().satisfies(root -> assertThat(root.service())
                    .isEqualTo("api-gateway"));
            ZipkinTraces.TraceSpan root = roots.get(0);
            ZipkinTraces.TraceSpan execute = trace.span("execution-job", "execute order");
            assertThat(execute.tags()).containsEntry("mocktrading.order_id", orderId);
            trace.assertDescends(
                    execute, "an order-service span", span -> span.service().equals("order-service"));
            trace.assertDescends(
                    execute, "the gateway's request", span -> span.id().equals(root.id()));
            for (String child : List.of("read price", "dynamodb transaction", "emit outcome")) {
                assertThat(trace.parentOf(trace.span("execution-job", child)))
                        .as("parent of '%s'", child)
                        .hasValueSatisfying(parent -> assertThat(parent.id()).isEqualTo(execute.id()));
            }
            ZipkinTraces.TraceSpan emit = trace.span("execution-job", "emit outcome");
            for (ZipkinTraces.TraceSpan after : List.of(
                    trace.span("persistence-job", "store in elasticsearch"),
                    trace.span("persistence-job", "store in clickhouse"),
                    trace.span("market-data-service", "push order update"))) {
                trace.assertDescends(
                        after, "the emission of the outcome", span -> span.id().equals(emit.id()));
            }

            JsonNode hits = JSON.readTree(send(HttpRequest.newBuilder(URI.create(stack.elasticsearch()
                                                    .httpUrl() + "/trading_trades-*/_search?q=orderId:" + orderId))
                                    .build())
                            .body())
                    .path("hits")
                    .path("hits");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).path("_source").path("traceId").asText()).isEqualTo(traceId);

            // The trace id finds the order's log lines: order-service's and the execution job's, JSON both.
            Path logs = settings.dataDirectory().resolve("logs");
            assertThat(java.nio.file.Files.readAllLines(logs.resolve("order-service.log")))
                    .anySatisfy(line -> assertThat(line)
                            .contains("\"traceId\":\"" + traceId + "\"")
                            .contains("\"orderId\":\"" + orderId + "\""));
            List<JsonNode> jobLines = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(logs.resolve("flink.log"))) {
                if (line.contains(traceId)) {
                    jobLines.add(JSON.readTree(line));
                }
            }
            assertThat(jobLines).anySatisfy(line -> {
                assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
                assertThat(line.path("mdc").path("orderId").asText()).isEqualTo(orderId);
                assertThat(line.path("formattedMessage").asText()).contains("decided: EXECUTED");
            });
        }

        /**
         * The token travelled in Authorization headers and in the WebSocket's query string throughout the journey:
         * no span, no log line and no metric of any service holds it (or any other bearer credential).
         */
        void noTokenInSpansLogsOrMetrics() throws Exception {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String spans = new ZipkinTraces(settings.zipkinPort()).everything();
            assertThat(spans)
                    .contains("api-gateway")
                    .doesNotContain(signature)
                    .doesNotContain("Bearer ")
                    .doesNotContain("eyJ");
            try (var logs = java.nio.file.Files.list(settings.dataDirectory().resolve("logs"))) {
                for (Path log : logs.filter(java.nio.file.Files::isRegularFile).toList()) {
                    assertThat(java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(log.toString())
                            .doesNotContain(signature)
                            .doesNotContain("Bearer ");
                }
            }
            List<String> metrics = new java.util.ArrayList<>();
            metrics.add("http://127.0.0.1:" + settings.gatewayManagementPort() + "/actuator/prometheus");
            for (int port : List.of(
                    settings.orderServicePorts().get(0),
                    settings.portfolioServicePort(),
                    settings.queryServicePort(),
                    settings.marketDataServicePort())) {
                metrics.add("http://127.0.0.1:" + port + "/actuator/prometheus");
            }
            for (String url : metrics) {
                HttpResponse<String> scraped =
                        send(HttpRequest.newBuilder(URI.create(url)).build());
                assertThat(scraped.statusCode()).as(url).isEqualTo(200);
                // "Bearer " with its space: a credential, not the BearerTokenAuthenticationToken class in a tag.
                assertThat(scraped.body())
                        .as(url)
                        .doesNotContain(signature)
                        .doesNotContain("Bearer ")
                        .doesNotContain("eyJ");
            }
        }

        /**
         * Every service and the Flink cluster are scraped, and every metric a dashboard or an alert rule names exists
         * (a misspelt or renamed metric would leave a panel empty and an alert silent), the executions among them.
         */
        void prometheusScrapesEveryMetricTheDashboardsAndAlertsUse() throws Exception {
            String prometheus = "http://127.0.0.1:" + settings.prometheusPort();
            Set<String> jobs = Set.of(
                    "api-gateway",
                    "order-service",
                    "portfolio-service",
                    "query-service",
                    "market-data-service",
                    "flink");
            Set<String> referenced = MetricNames.referencedBy(
                    Telemetry.alertRules(settings.projectDirectory().toAbsolutePath()),
                    settings.projectDirectory().resolve("deploy/helm/mock-trading/files/grafana"));
            assertThat(referenced).hasSizeGreaterThan(20);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Set<String> up = Set.of();
            Set<String> missing = referenced;
            while (System.nanoTime() < deadline) {
                JsonNode targets = JSON.readTree(send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/targets"))
                                        .build())
                                .body())
                        .path("data")
                        .path("activeTargets");
                up = new java.util.TreeSet<>();
                for (JsonNode target : targets) {
                    if ("up".equals(target.path("health").asText())) {
                        up.add(target.path("labels").path("job").asText());
                    }
                }
                Set<String> names = new java.util.HashSet<>();
                JSON.readTree(send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/label/__name__/values"))
                                        .build())
                                .body())
                        .path("data")
                        .forEach(name -> names.add(name.asText()));
                missing = new java.util.TreeSet<>(referenced);
                missing.removeAll(names);
                if (up.containsAll(jobs) && missing.isEmpty()) {
                    break;
                }
                Thread.sleep(2000);
            }
            assertThat(up).containsAll(jobs);
            assertThat(missing)
                    .as("metrics the dashboards and alerts name that nothing exports")
                    .isEmpty();
            JsonNode executed = JSON.readTree(send(HttpRequest.newBuilder(
                                            URI.create(
                                                    prometheus
                                                            + "/api/v1/query?query=sum(flink_taskmanager_job_task_operator_status_ordersDecided%7Bstatus%3D%22EXECUTED%22%7D)"))
                                    .build())
                            .body())
                    .path("data")
                    .path("result");
            assertThat(executed.get(0).path("value").get(1).asDouble()).isGreaterThanOrEqualTo(2);
        }

        void anotherUserSeesNoneOf(String orderId) throws Exception {
            String bob = "Bearer " + stack.devTokenIssuer().issue("bob");
            assertThat(send(getWith(gateway + "/v1/orders/" + orderId, bob)).statusCode())
                    .isEqualTo(404);
            assertThat(send(getWith(gateway + "/v1/portfolio/alice", bob)).statusCode())
                    .isEqualTo(403);
            assertThat(send(getWith(gateway + "/v1/trades/search", bob)).body()).doesNotContain(orderId);
        }

        /**
         * The edge as a user meets it: one answer per header, limits no stricter than the service's, and one user's
         * bad requests lock nobody out (alice sells afterwards, through the same breakers).
         */
        void theEdgeAnswersAsTheServicesDo(HttpResponse<String> placed) throws Exception {
            assertThat(placed.headers().allValues("X-Request-Id")).hasSize(1);
            assertThat(placed.headers().allValues("X-Trace-Id")).hasSize(1);
            String carol = "Bearer " + stack.devTokenIssuer().issue("carol");
            for (int i = 0; i < 10; i++) {
                assertThat(send(getWith(gateway + "/v1/orders/" + "x".repeat(3000), carol))
                                .statusCode())
                        .isEqualTo(400);
            }
            HttpResponse<String> ambiguous = send(HttpRequest.newBuilder(URI.create(gateway + "/v1/orders"))
                    .header("Authorization", carol)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"symbol\":\"DEMO\",\"side\":\"BUY\",\"quantity\":1,\"quantity\":2}"))
                    .build());
            assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(400);
            assertThat(ambiguous.body()).contains("\"code\":\"VALIDATION_FAILED\"");
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(gateway + "/v1/portfolio/alice"))
                    .build());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("X-RateLimit-Limit")).isPresent();
            assertThat(send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus"))
                                    .build())
                            .body())
                    .doesNotContain("jvm_");
            try (WebSocketTestClient big = WebSocketTestClient.connect(
                    URI.create("ws://127.0.0.1:" + settings.gatewayPort() + "/v1/marketdata?access_token=" + token))) {
                big.send("{\"type\":\"subscribe\",\"topics\":[\"" + "X".repeat(70 * 1024) + "\"]}");
                // Sent at once after the handshake, while the gateway still connects upstream: a message the client
                // sends in fragments must arrive whole.
                assertThat(big.await(frame -> frame.contains("\"type\":\"error\""), Duration.ofSeconds(30)))
                        .contains("FRAME_TOO_LARGE");
                big.send("{\"type\":\"ping\"}");
                assertThat(big.await(frame -> frame.contains("\"type\":\"pong\""), Duration.ofSeconds(30)))
                        .isNotNull();
            }
        }

        /** Sold back at the same price: the portfolio returns to its opening cash. */
        void aliceSellsBackToHerOpeningCash() throws Exception {
            setPrice(stack, "DEMO", "12.50");
            HttpResponse<String> sold = placeOrder(gateway, token, "SELL", 4);
            String sellId = JSON.readTree(sold.body()).get("orderId").asText();
            awaitStatus(settings, token, sellId, "EXECUTED");
            awaitBody(gateway + "/v1/trades/search?symbol=DEMO&side=SELL", token, sellId);
            JsonNode after = JSON.readTree(send(getWith(gateway + "/v1/portfolio/alice", "Bearer " + token))
                    .body());
            assertThat(after.get("cashBalance").asText()).isEqualTo("100000.00");
            assertThat(after.get("holdings"))
                    .allSatisfy(holding ->
                            assertThat(holding.get("quantity").asLong()).isZero());
        }

        /** Judged with no in-flight allowance: both orders and alice's portfolio are checked, not excused. */
        void theStoresReconcileWithNothingExcused() throws Exception {
            ConsistencyCheckCommand.Endpoints endpoints = new ConsistencyCheckCommand.Endpoints(
                    stack.dynamoDb().endpointUrl(),
                    stack.kafka().bootstrapServers(),
                    stack.elasticsearch().httpUrl(),
                    stack.clickHouse().httpUrl());
            Reconciliation.Report report = ConsistencyCheckCommand.run(endpoints, Duration.ZERO);
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    !report.consistent() && System.nanoTime() < deadline; ) {
                Thread.sleep(1000); // ClickHouse is written in its own pipeline and may trail Elasticsearch
                report = ConsistencyCheckCommand.run(endpoints, Duration.ZERO);
            }
            assertThat(report.violations()).isEmpty();
            assertThat(report.portfoliosJudged()).isGreaterThanOrEqualTo(1);
            assertThat(report.ordersWithOutcome()).isGreaterThanOrEqualTo(2);
            assertThat(report.inFlight()).isZero();
        }
    }

    private static void awaitStatus(LocalSystemSettings settings, String token, String orderId, String status)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + settings.gatewayPort() + "/v1/orders/" + orderId))
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .body();
            if (last.contains("\"status\":\"" + status + "\"")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("order " + orderId + " did not become " + status + ": " + last);
    }

    private static HttpResponse<String> placeOrder(String gateway, String token, String side, int quantity)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway + "/v1/orders"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"symbol\":\"DEMO\",\"side\":\"" + side + "\",\"quantity\":" + quantity + "}"))
                .build());
    }

    private static HttpRequest getWith(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .build();
    }

    /** The body of a GET once it contains {@code expected}: the persistence job writes within seconds. */
    private static String awaitBody(String url, String token, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .body();
            if (last.contains(expected)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " never showed " + expected + ": " + last);
    }

    private static void setPrice(LocalSystem stack, String symbol, String price) {
        RedisClient client = RedisClient.create(stack.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            new PriceCache(() -> connection).update(new LatestPrice(symbol, new BigDecimal(price), Instant.now()));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
