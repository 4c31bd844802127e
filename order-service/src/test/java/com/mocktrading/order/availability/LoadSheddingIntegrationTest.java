package com.mocktrading.order.availability;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Beyond its placement capacity the service sheds load before doing anything: 503 OVERLOADED with Retry-After, and
 * such an order is not queued. Capacity 1 without waiting makes saturation certain under a burst.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadSheddingIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
        registry.add("resilience4j.bulkhead.instances.order-placement.max-concurrent-calls", () -> "1");
        registry.add("resilience4j.bulkhead.instances.order-placement.max-wait-duration", () -> "0");
    }

    @Test
    void aSaturatedServiceShedsOrdersWithARetryableAnswerAndQueuesOnlyThoseItAccepted() throws Exception {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1.00");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return post(port, "/orders", order(symbol, "BUY", 1), user, null);
            }));
        }
        start.countDown();
        List<String> accepted = new ArrayList<>();
        int shed = 0;
        for (Future<HttpResponse<String>> future : futures) {
            HttpResponse<String> response = future.get();
            if (response.statusCode() == 202) {
                accepted.add(json(response).get("orderId").asText());
            } else {
                assertProblem(response, 503, "OVERLOADED");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                shed++;
            }
        }
        pool.shutdown();

        assertThat(shed).isPositive();
        assertThat(accepted).isNotEmpty();
        assertThat(publishedOrdersOf(user))
                .extracting(event -> event.payload().orderId())
                .containsExactlyInAnyOrderElementsOf(accepted);
    }
}
