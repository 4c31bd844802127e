package com.mocktrading.schema.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.schema.Resources;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsStatementsAndDropsCommentLines() {
        String script =
                """
                -- a comment; with a semicolon
                CREATE TABLE a (x UInt8) ENGINE = Memory;
                CREATE TABLE b
                (
                    y String DEFAULT ';'
                )
                ENGINE = Memory
                """;

        assertThat(SqlScript.statements(script))
                .containsExactly(
                        "CREATE TABLE a (x UInt8) ENGINE = Memory",
                        "CREATE TABLE b\n(\n    y String DEFAULT ';'\n)\nENGINE = Memory");
    }

    @Test
    void everyShippedScriptIsIdempotentDdl() {
        for (String script : ClickHouseSchemaBootstrap.SCRIPTS) {
            assertThat(SqlScript.statements(Resources.text(script)))
                    .isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement).containsIgnoringCase("IF NOT EXISTS"));
        }
    }
}
