package com.mocktrading.query;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static com.mocktrading.query.support.QueryHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.platform.TestTokens;
import com.mocktrading.query.support.QueryHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Elasticsearch and ClickHouse unreachable the service still starts, stays ready, and answers each read with
 * the contract's 503 and a Retry-After, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoresUnavailableIntegrationTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void unreachableStores(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
        int nothingListens = FreePorts.next();
        registry.add("mocktrading.query.elasticsearch-url", () -> "http://127.0.0.1:" + nothingListens);
        registry.add("mocktrading.query.clickhouse-url", () -> "http://127.0.0.1:" + nothingListens);
    }

    @Test
    void answersTradeSearchesWith503WhileElasticsearchIsDown() throws Exception {
        HttpResponse<String> response =
                new QueryHttp(port).get("/trades/search", params("size", "10"), TestTokens.bearer("alice"));

        assertProblem(response, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("Elasticsearch");
    }

    @Test
    void answersVolumeQuestionsWith503WhileClickHouseIsDown() throws Exception {
        HttpResponse<String> response =
                new QueryHttp(port).get("/analytics/volume", params("timeWindow", "1h"), TestTokens.bearer("alice"));

        assertProblem(response, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("ClickHouse");
    }

    @Test
    void stillValidatesBeforeCallingAStore() throws Exception {
        assertProblem(
                new QueryHttp(port).get("/trades/search", params("size", "0"), TestTokens.bearer("alice")),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void staysReady() throws Exception {
        assertThat(new QueryHttp(port)
                        .get("/actuator/health/readiness", params(), null)
                        .statusCode())
                .isEqualTo(200);
    }
}
