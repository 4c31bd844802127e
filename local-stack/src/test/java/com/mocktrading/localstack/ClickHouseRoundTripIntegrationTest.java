package com.mocktrading.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClickHouseRoundTripIntegrationTest {

    private final Client client = new Client.Builder()
            .addEndpoint(SharedServers.clickHouse().httpUrl())
            .setUsername("default")
            .setPassword("")
            .compressServerResponse(false)
            .build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aggregatesInsertedRowsPerSymbolWithExactDecimals() throws Exception {
        // Given a MergeTree table of trades
        String table = "trades_" + System.nanoTime();
        client.query("CREATE TABLE " + table + " (symbol String, quantity UInt64, price Decimal(18, 4))"
                        + " ENGINE = MergeTree ORDER BY symbol")
                .get(30, TimeUnit.SECONDS)
                .close();

        // When rows are inserted as JSONEachRow (decimals as unquoted exact literals, which 18.16 requires)
        String rows =
                """
                {"symbol":"ACME","quantity":10,"price":123.4567}
                {"symbol":"ACME","quantity":5,"price":0.0001}
                {"symbol":"BOLT","quantity":1,"price":99.9900}
                """;
        try (InputStream in = new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8))) {
            client.insert(table, in, ClickHouseFormat.JSONEachRow)
                    .get(30, TimeUnit.SECONDS)
                    .close();
        }

        // Then GROUP BY returns exact volume and notional per symbol
        List<String> lines;
        try (QueryResponse response = client.query("SELECT symbol, sum(quantity) AS volume,"
                        + " toString(sum(price * quantity)) AS notional FROM " + table
                        + " GROUP BY symbol ORDER BY symbol FORMAT JSONEachRow")
                .get(30, TimeUnit.SECONDS)) {
            lines = new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        assertThat(lines)
                .containsExactly(
                        "{\"symbol\":\"ACME\",\"volume\":\"15\",\"notional\":\"1234.5675\"}",
                        "{\"symbol\":\"BOLT\",\"volume\":\"1\",\"notional\":\"99.9900\"}");
    }
}
