package com.mocktrading.query.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.mocktrading.localstack.SharedServers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The real server reads every rendered string back as exactly the value bound: one literal, nothing more. */
class SqlTemplateIntegrationTest {

    private static final SqlTemplate ECHO = SqlTemplate.of("SELECT ? AS value, 1 AS after FORMAT JSONEachRow");
    private static Client client;

    @BeforeAll
    static void connect() {
        client = new Client.Builder()
                .addEndpoint(SharedServers.clickHouse().httpUrl())
                .setUsername("default")
                .setPassword("")
                .compressServerResponse(false)
                .build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ACME",
                "X' OR '1'='1",
                "\\' OR 1=1 --",
                "trailing\\",
                "\\\\'",
                "A'; DROP TABLE trading_trades; --",
                "'; SELECT 1 FORMAT TSV; --",
                "-- comment",
                "/* open comment",
                "?",
                "\\x27",
                "\\0",
                "é😀ʼ＇‘’",
                "' UNION ALL SELECT name, 1 FROM system.tables --"
            })
    void readsBackExactlyTheBoundString(String value) throws Exception {
        try (QueryResponse response = client.query(ECHO.bind(value)).get(30, TimeUnit.SECONDS)) {
            String body = new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

            assertThat(body.lines()).hasSize(1);
            assertThat(JsonMapper.builder().build().readTree(body).path("value").asString())
                    .isEqualTo(value);
        }
    }
}
