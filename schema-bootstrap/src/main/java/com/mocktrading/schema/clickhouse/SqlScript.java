package com.mocktrading.schema.clickhouse;

import java.util.Arrays;
import java.util.List;

/** Splits a DDL script into statements; the HTTP interface takes one statement per request. */
final class SqlScript {

    private SqlScript() {}

    /** Drops {@code --} comment lines and splits on semicolons that end a line. */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\\n"))
                .map(String::strip)
                .map(statement -> statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }
}
