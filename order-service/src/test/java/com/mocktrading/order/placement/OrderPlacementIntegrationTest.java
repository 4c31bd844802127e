package com.mocktrading.order.placement;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.get;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.portfolio;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.price;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OrderPlacementIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
    }

    @Test
    void acceptsABuyTheCashCoversPublishesItKeyedByUserAndRecordsItAccepted() throws Exception {
        // Given a new user (provisioned with 100000.00) and a fresh price
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "123.4567");

        // When they buy 10
        HttpResponse<String> response = post(port, "/orders", order(symbol, "BUY", 10), user, null);

        // Then 202 with the order, and the order is in trade_orders and in the Orders table
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json(response);
        String orderId = body.get("orderId").asText();
        assertThat(response.headers().firstValue("Location")).contains("/v1/orders/" + orderId);
        assertThat(body.get("userId").asText()).isEqualTo(user);
        assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("validationPrice").asText()).isEqualTo("123.4567");
        assertThat(body.get("quantity").asLong()).isEqualTo(10);
        assertThat(body.get("acceptedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        List<EventEnvelope<TradeOrderPayload>> published = publishedOrdersOf(user);
        assertThat(published).hasSize(1);
        TradeOrderPayload payload = published.get(0).payload();
        assertThat(payload.orderId()).isEqualTo(orderId);
        assertThat(payload.side()).isEqualTo(Side.BUY);
        assertThat(payload.quantity()).isEqualTo(10);
        assertThat(published.get(0).sourceService()).isEqualTo("order-service");

        JsonNode stored = json(get(port, "/orders/" + orderId, user));
        assertThat(stored.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(stored.has("executionPrice")).isFalse();
    }

    @Test
    void logsTheAcceptanceAsJsonWithTheUserTheOrderAndTheTrace(CapturedOutput output) {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "3.00");

        HttpResponse<String> response = post(port, "/orders", order(symbol, "BUY", 1), user, null);

        String orderId = json(response).get("orderId").asText();
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(output.getOut().lines().filter(line -> line.contains("\"accepted BUY 1 " + symbol)))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("\"userId\":\"" + user + "\"")
                        .contains("\"orderId\":\"" + orderId + "\"")
                        .contains("\"traceId\":\"" + traceId + "\""));
    }

    @Test
    void exportsCircuitBreakerAndRetryMetricsForEveryDependency() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "3.00");
        post(port, "/orders", order(symbol, "BUY", 1), user, null);

        String metrics = get(port, "/actuator/prometheus", null).body();

        for (String dependency : List.of("dynamodb", "redis", "kafka")) {
            assertThat(metrics)
                    .contains("resilience4j_circuitbreaker_state{application=\"order-service\",name=\"" + dependency
                            + "\",state=\"closed\"} 1.0");
        }
        assertThat(metrics).contains("resilience4j_retry_calls_total").contains("name=\"redis-read\"");
    }

    @Test
    void countsOrdersAcceptedAndRefusedByTheirProblemCode() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1000.00");
        assertThat(post(port, "/orders", order(symbol, "BUY", 1), user, null).statusCode())
                .isEqualTo(202);
        assertProblem(post(port, "/orders", order(symbol, "BUY", 1000), user, null), 402, "INSUFFICIENT_FUNDS");
        assertProblem(post(port, "/orders", "{\"symbol\":", user, null), 400, "VALIDATION_FAILED");

        List<String> placements = get(port, "/actuator/prometheus", null)
                .body()
                .lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("method=\"POST\"")
                        && line.contains("uri=\"/orders\""))
                .toList();

        assertThat(placements)
                .anySatisfy(line -> assertThat(line).contains("code=\"none\"").contains("status=\"202\""))
                .anySatisfy(line ->
                        assertThat(line).contains("code=\"INSUFFICIENT_FUNDS\"").contains("status=\"402\""))
                .anySatisfy(line ->
                        assertThat(line).contains("code=\"VALIDATION_FAILED\"").contains("status=\"400\""));
    }

    @Test
    void refusesABuyTheCashDoesNotCoverAndChangesNothing() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1000.00");

        HttpResponse<String> response = post(port, "/orders", order(symbol, "BUY", 101), user, null);

        assertProblem(response, 402, "INSUFFICIENT_FUNDS");
        assertThat(json(response).get("detail").asText()).contains("101000.00").contains("100000.00");
        assertNothingPlaced(user);
    }

    @Test
    void acceptsABuyOfExactlyTheCash() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1000.00");

        assertThat(post(port, "/orders", order(symbol, "BUY", 100), user, null).statusCode())
                .isEqualTo(202);
    }

    @Test
    void sellsOnlyWhatIsHeld() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "5.00");
        portfolio(user, "10.00", Map.of(symbol, 7L));

        assertProblem(post(port, "/orders", order(symbol, "SELL", 8), user, null), 422, "INSUFFICIENT_HOLDINGS");
        assertThat(publishedOrdersOf(user)).isEmpty();
        assertThat(post(port, "/orders", order(symbol, "SELL", 7), user, null).statusCode())
                .isEqualTo(202);
        assertThat(publishedOrdersOf(user)).hasSize(1);
    }

    @Test
    void refusesSymbolsWithoutAPriceAndStalePrices() {
        String user = newUser();
        String stale = newSymbol();
        price(stale, "10.00", Instant.now().minusSeconds(3600));

        assertProblem(post(port, "/orders", order("NOPRICE", "BUY", 1), user, null), 422, "UNKNOWN_SYMBOL");
        HttpResponse<String> staleResponse = post(port, "/orders", order(stale, "BUY", 1), user, null);
        assertProblem(staleResponse, 503, "PRICE_UNAVAILABLE");
        assertThat(staleResponse.headers().firstValue("Retry-After")).isPresent();
        assertNothingPlaced(user);
    }

    @Test
    void refusesEveryKindOfMalformedOrderWithFieldDetailAndChangesNothing() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1.00");
        Map<String, String> badBodies = Map.ofEntries(
                Map.entry("{}", "symbol"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":-1}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":0}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":10.5}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":1.0}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":\"10\"}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":1000001}", "quantity"),
                Map.entry(
                        "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":99999999999999999999999}",
                        "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":1e30}", "quantity"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"HOLD\",\"quantity\":1}", "side"),
                Map.entry("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"quantity\":1}", "side"),
                Map.entry("{\"symbol\":\"acme\",\"side\":\"BUY\",\"quantity\":1}", "symbol"),
                Map.entry("{\"symbol\":\"ABCDEFGHIJK\",\"side\":\"BUY\",\"quantity\":1}", "symbol"),
                Map.entry(
                        "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":1,\"price\":\"1.00\"}", "price"));
        badBodies.forEach((body, field) -> {
            HttpResponse<String> response = post(port, "/orders", body, user, null);
            assertProblem(response, 400, "VALIDATION_FAILED");
            assertThat(json(response).get("errors").findValuesAsText("field"))
                    .as(body)
                    .contains(field);
        });
        for (String body : List.of("", "not json", "[1,2]", "{\"symbol\":", "null", "{} {}")) {
            assertProblem(post(port, "/orders", body, user, null), 400, "VALIDATION_FAILED");
        }
        assertNothingPlaced(user);
    }

    @Test
    void refusesAnOrderWithAFieldGivenTwiceAndChangesNothing() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1.00");

        HttpResponse<String> ambiguous = post(
                port,
                "/orders",
                "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":1,\"quantity\":2}",
                user,
                null);

        assertProblem(ambiguous, 400, "VALIDATION_FAILED");
        assertNothingPlaced(user);
    }

    @Test
    void refusesOversizedBodiesAndBadIdempotencyKeys() {
        String user = newUser();
        String huge = "{\"symbol\":\"" + "A".repeat(20_000) + "\",\"side\":\"BUY\",\"quantity\":1}";

        assertProblem(post(port, "/orders", huge, user, null), 413, "VALIDATION_FAILED");
        assertProblem(post(port, "/orders", order("ACME", "BUY", 1), user, "bad key!"), 400, "VALIDATION_FAILED");
        assertProblem(post(port, "/orders", order("ACME", "BUY", 1), user, "k".repeat(65)), 400, "VALIDATION_FAILED");
        assertNothingPlaced(user);
    }

    @Test
    void showsUsersOnlyTheirOwnOrdersNewestFirst() {
        String user = newUser();
        String other = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "2.00");
        String first = json(post(port, "/orders", order(symbol, "BUY", 1), user, null))
                .get("orderId")
                .asText();
        String second = json(post(port, "/orders", order(symbol, "BUY", 2), user, null))
                .get("orderId")
                .asText();

        JsonNode mine = json(get(port, "/orders?limit=10", user));
        assertThat(mine.get("orders").findValuesAsText("orderId")).containsExactly(second, first);
        assertThat(json(get(port, "/orders?status=EXECUTED", user)).get("orders"))
                .isEmpty();
        assertProblem(get(port, "/orders/" + first, other), 404, "NOT_FOUND");
        assertThat(json(get(port, "/orders", other)).get("orders")).isEmpty();
        assertProblem(get(port, "/orders?limit=0", user), 400, "VALIDATION_FAILED");
        assertProblem(get(port, "/orders?limit=101", user), 400, "VALIDATION_FAILED");
        assertProblem(get(port, "/orders?status=DONE", user), 400, "VALIDATION_FAILED");
    }

    private void assertNothingPlaced(String user) {
        assertThat(publishedOrdersOf(user)).isEmpty();
        assertThat(OrderServiceTestSupport.dynamo()
                        .query(b -> b.tableName(TableDefinitions.ORDERS)
                                .indexName(TableDefinitions.ORDERS_BY_USER_INDEX)
                                .keyConditionExpression("userId = :u")
                                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                        .items())
                .isEmpty();
    }
}
