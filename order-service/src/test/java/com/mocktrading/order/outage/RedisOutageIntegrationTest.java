package com.mocktrading.order.outage;

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

/** Redis (the price cache) unreachable: 503 with Retry-After, nothing queued. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServersWithOneUnreachable(registry, "mocktrading.store.redis-uri", "redis://");
    }

    @Test
    void answers503AndQueuesNothing() {
        String user = newUser();

        HttpResponse<String> response = post(port, "/orders", order("ACME", "BUY", 1), user, null);

        assertProblem(response, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(publishedOrdersOf(user)).isEmpty();
    }
}
