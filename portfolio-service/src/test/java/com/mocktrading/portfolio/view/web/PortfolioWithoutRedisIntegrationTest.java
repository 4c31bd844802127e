package com.mocktrading.portfolio.view.web;

import static com.mocktrading.portfolio.view.web.PortfolioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.platform.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Viewing a portfolio stays available while the price cache is down (NFR3): positions are shown unpriced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PortfolioWithoutRedisIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    DynamoDbClient dynamo;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
        registry.add("mocktrading.store.dynamo-db-endpoint", RealStores::dynamoDbEndpoint);
        int nothingListens = FreePorts.next();
        registry.add("mocktrading.store.redis-uri", () -> "redis://127.0.0.1:" + nothingListens);
    }

    @BeforeAll
    static void createTables() throws Exception {
        RealStores.createTables();
    }

    @Test
    void servesThePortfolioWithoutPricesWhenRedisIsDown(CapturedOutput output) throws Exception {
        // Given a portfolio with a position, and no reachable price cache
        String user = AgainstRealStores.newUserId();
        Portfolio portfolio = new Portfolio(
                user,
                new BigDecimal("900.00"),
                Map.of("ACME", 4L),
                Map.of("ACME", new BigDecimal("100.00")),
                new BigDecimal("1.50"),
                Instant.parse("2026-11-24T03:00:00.999Z"),
                1);
        dynamo.putItem(b -> b.tableName(TableDefinitions.PORTFOLIOS).item(PortfolioItems.toItem(portfolio)));

        // When the user asks for it
        HttpResponse<String> response = new PortfolioHttp(port).get(user, TestTokens.bearer(user));

        // Then it is served, valued at what is known (cash only), and the outage is logged
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json(
                        """
                        {"userId":"%s","cashBalance":"900.00","holdings":[
                          {"symbol":"ACME","quantity":4,"averageCost":"25.00","costBasis":"100.00",
                           "lastPrice":null,"marketValue":null,"unrealizedPnl":null}],
                         "holdingsValue":"0.00","totalValue":"900.00","realizedPnl":"1.50",
                         "unrealizedPnl":"0.00","lastUpdatedTimestamp":"2026-11-24T03:00:00.999Z","version":1}
                        """
                                .formatted(user)));
        assertThat(output.getOut()).contains("serving the portfolio of " + user + " without prices");
    }
}
