package com.mocktrading.portfolio.view.web;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.platform.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The service on a random port against the real DynamoDB and Redis of the test JVM. Subclasses share one
 * application context (same configuration), so the service starts once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AgainstRealStores {

    @LocalServerPort
    private int port;

    @Autowired
    DynamoDbClient dynamo;

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
        registry.add("mocktrading.store.dynamo-db-endpoint", RealStores::dynamoDbEndpoint);
        registry.add("mocktrading.store.redis-uri", RealStores::redisUri);
    }

    @BeforeAll
    static void createTables() throws Exception {
        RealStores.createTables();
    }

    PortfolioHttp http() {
        return new PortfolioHttp(port);
    }

    static String newUserId() {
        return "it-" + UUID.randomUUID();
    }

    /** Writes the item directly, as the execution job would have left it. */
    void seed(Portfolio portfolio) {
        dynamo.putItem(b -> b.tableName(TableDefinitions.PORTFOLIOS).item(PortfolioItems.toItem(portfolio)));
    }
}
