package com.mocktrading.order.outage;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** DynamoDB (portfolios, idempotency) unreachable: 503 with Retry-After, nothing queued, with or without key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DynamoDbOutageIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServersWithOneUnreachable(
                registry, "mocktrading.store.dynamo-db-endpoint", "http://");
    }

    @Test
    void answers503AndQueuesNothing() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");

        HttpResponse<String> plain = post(port, "/orders", order(symbol, "BUY", 1), user, null);
        HttpResponse<String> keyed = post(port, "/orders", order(symbol, "BUY", 1), user, "while-down");

        assertProblem(plain, 503, "DEPENDENCY_UNAVAILABLE");
        assertProblem(keyed, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(plain.headers().firstValue("Retry-After")).isPresent();
        assertThat(publishedOrdersOf(user)).isEmpty();
    }
}
