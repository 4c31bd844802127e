package com.mocktrading.schema.clickhouse;

import com.clickhouse.client.api.Client;
import com.mocktrading.schema.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the numbered ClickHouse DDL scripts in order. Every statement is {@code IF NOT EXISTS}, so running
 * them again changes nothing; the SQL is restricted to what both ClickHouse 18.16 (Debian, local) and
 * current releases (production images) accept.
 */
public final class ClickHouseSchemaBootstrap {

    static final List<String> SCRIPTS = List.of("schema/clickhouse/001_trading_trades.sql");

    private final Client client;

    public ClickHouseSchemaBootstrap(Client client) {
        this.client = client;
    }

    public List<String> apply() throws Exception {
        List<String> report = new ArrayList<>();
        for (String script : SCRIPTS) {
            for (String statement : SqlScript.statements(Resources.text(script))) {
                client.query(statement).get(60, TimeUnit.SECONDS).close();
            }
            report.add("clickhouse script " + script.substring(script.lastIndexOf('/') + 1) + ": applied");
        }
        return report;
    }
}
