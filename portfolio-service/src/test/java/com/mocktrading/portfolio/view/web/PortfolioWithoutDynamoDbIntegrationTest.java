package com.mocktrading.portfolio.view.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.platform.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without DynamoDB there is no portfolio to show: the service says so with a 503 and when to retry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioWithoutDynamoDbIntegrationTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void unreachableDynamoDb(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
        int nothingListens = FreePorts.next();
        registry.add("mocktrading.store.dynamo-db-endpoint", () -> "http://127.0.0.1:" + nothingListens);
        registry.add("mocktrading.store.redis-uri", RealStores::redisUri);
    }

    @Test
    void answersDependencyUnavailableWithRetryAfterWhenDynamoDbIsUnreachable() throws Exception {
        // Given DynamoDB cannot be reached
        String user = AgainstRealStores.newUserId();

        // When a user asks for the portfolio
        Instant start = Instant.now();
        HttpResponse<String> response = new PortfolioHttp(port).get(user, TestTokens.bearer(user));

        // Then the answer is a prompt 503 telling the client when to come back
        assertProblem(response, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }
}
