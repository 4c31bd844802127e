package com.mocktrading.schema;

import java.util.List;

/**
 * {@code java -jar schema-bootstrap.jar --kafka=host:9092 --dynamodb=http://host:8000
 * --elasticsearch=http://host:9200 --clickhouse=http://host:8123 [--replication-factor=3]}: the deployment's
 * one-shot schema job. Prints one line per object; exits 1 with one line on failure.
 */
public final class SchemaBootstrapCommand {

    private SchemaBootstrapCommand() {}

    public static void main(String[] args) {
        SchemaTargets targets = SchemaTargets.fromCommandLine(args);
        try {
            List<String> report = new SchemaBootstrap(targets).apply();
            report.forEach(System.out::println);
        } catch (Exception e) {
            System.err.println("schema bootstrap failed: " + e);
            System.exit(1);
        }
    }
}
