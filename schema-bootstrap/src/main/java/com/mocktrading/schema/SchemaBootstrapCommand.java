package com.mocktrading.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar schema-bootstrap.jar --kafka=host:9092 --dynamodb=http://host:8000
 * --elasticsearch=http://host:9200 --clickhouse=http://host:8123 [--replication-factor=3]}: the deployment's
 * one-shot schema job. Prints one line per object; exits 1 with one line on failure.
 */
public final class SchemaBootstrapCommand {

    private SchemaBootstrapCommand() {}

    public static void main(String[] args) {
        Map<String, String> arguments = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("unexpected argument '" + arg + "'; expected --name=value");
                System.exit(2);
            }
            arguments.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            List<String> report = new SchemaBootstrap(SchemaTargets.fromArguments(arguments)).apply();
            report.forEach(System.out::println);
        } catch (Exception e) {
            System.err.println("schema bootstrap failed: " + e);
            System.exit(1);
        }
    }
}
