package com.mocktrading.query.support;

import com.mocktrading.platform.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port against the real Elasticsearch and ClickHouse of the test JVM. Subclasses share
 * one application context (same configuration), so the service starts once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AgainstRealStores {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
        registry.add("mocktrading.query.elasticsearch-url", RealStores::elasticsearchUrl);
        registry.add("mocktrading.query.clickhouse-url", RealStores::clickHouseUrl);
    }

    @BeforeAll
    static void applySchema() throws Exception {
        RealStores.applySchema();
    }

    protected QueryHttp http() {
        return new QueryHttp(port);
    }
}
