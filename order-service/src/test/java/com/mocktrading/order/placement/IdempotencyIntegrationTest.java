package com.mocktrading.order.placement;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.SharedServers;
import com.mocktrading.order.OrderServiceApplication;
import com.mocktrading.order.support.OrderServiceTestSupport;
import com.mocktrading.platform.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
        // Duplicates wait for the first request's answer; give a loaded CI machine room to give it.
        registry.add("mocktrading.orders.in-progress-wait", () -> "15s");
        registry.add("mocktrading.orders.request-deadline", () -> "20s");
        registry.add("mocktrading.orders.idempotency-lease", () -> "21s");
    }

    @Test
    void aRetriedRequestGetsTheSameAnswerAndPublishesNothingNew() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");

        HttpResponse<String> first = post(port, "/orders", order(symbol, "BUY", 3), user, "retry-1");
        HttpResponse<String> second = post(port, "/orders", order(symbol, "BUY", 3), user, "retry-1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(publishedOrdersOf(user)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndChangesNothing() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        post(port, "/orders", order(symbol, "BUY", 3), user, "reused");

        assertProblem(post(port, "/orders", order(symbol, "BUY", 4), user, "reused"), 409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(publishedOrdersOf(user)).hasSize(1);
    }

    @Test
    void keysAreScopedToTheUser() {
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        String alice = newUser();
        String bob = newUser();

        String aliceOrder = json(post(port, "/orders", order(symbol, "BUY", 1), alice, "shared-key"))
                .get("orderId")
                .asText();
        String bobOrder = json(post(port, "/orders", order(symbol, "BUY", 1), bob, "shared-key"))
                .get("orderId")
                .asText();

        assertThat(bobOrder).isNotEqualTo(aliceOrder);
    }

    @Test
    void aRefusedRequestDoesNotBindItsKey() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1000.00");

        assertProblem(
                post(port, "/orders", order(symbol, "BUY", 101), user, "after-refusal"), 402, "INSUFFICIENT_FUNDS");
        freshPrice(symbol, "900.00");

        assertThat(post(port, "/orders", order(symbol, "BUY", 101), user, "after-refusal")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void concurrentDuplicatesYieldOneOrder() throws Exception {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return post(port, "/orders", order(symbol, "BUY", 5), user, "burst");
            }));
        }

        start.countDown();
        List<String> orderIds = new ArrayList<>();
        for (Future<HttpResponse<String>> response : responses) {
            HttpResponse<String> answer = response.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            orderIds.add(json(answer).get("orderId").asText());
        }
        pool.shutdown();

        assertThat(orderIds).containsOnly(orderIds.get(0));
        assertThat(publishedOrdersOf(user)).hasSize(1);
    }

    @Test
    void aKeyIsHonouredByAnotherReplicaAndAfterARestart() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        HttpResponse<String> first = post(port, "/orders", order(symbol, "BUY", 2), user, "across-replicas");

        // A second instance of the service (a replica, or this one restarted) over the same stores
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(OrderServiceApplication.class)
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers="
                                + SharedServers.kafka().bootstrapServers(),
                        "mocktrading.store.dynamo-db-endpoint="
                                + SharedServers.dynamoDb().endpointUrl(),
                        "mocktrading.store.redis-uri=" + SharedServers.redis().uri(),
                        "mocktrading.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                        "mocktrading.security.jwt.issuer=" + TestTokens.issuer())
                .run()) {
            int replicaPort =
                    ((WebServerApplicationContext) replica).getWebServer().getPort();

            HttpResponse<String> retried =
                    post(replicaPort, "/orders", order(symbol, "BUY", 2), user, "across-replicas");

            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(retried.body()).isEqualTo(first.body());
        }
        assertThat(publishedOrdersOf(user)).hasSize(1);
    }
}
