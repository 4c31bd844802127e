package com.mocktrading.schema;

import com.mocktrading.cli.StoreOption;
import com.mocktrading.localstack.SharedServers;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The system's schema on the test JVM's shared servers: topics, tables, the index template and the ClickHouse
 * table, made by the bootstrap a deployment runs, once per JVM and set of targets. Every module's tests get their
 * stores ready through it; tests then isolate themselves by users, symbols and topics of their own.
 */
public final class SharedSchema {

    private static final Set<SchemaTargets> APPLIED = new HashSet<>();

    private SharedSchema() {}

    /** The schema of these stores on the shared servers (each server started if it is not yet). */
    public static void on(StoreOption... stores) {
        Set<StoreOption> wanted = stores.length == 0 ? Set.of() : EnumSet.copyOf(List.of(stores));
        on(new SchemaTargets(
                wanted.contains(StoreOption.KAFKA) ? SharedServers.kafka().bootstrapServers() : null,
                wanted.contains(StoreOption.DYNAMODB) ? SharedServers.dynamoDb().endpointUrl() : null,
                wanted.contains(StoreOption.ELASTICSEARCH)
                        ? SharedServers.elasticsearch().httpUrl()
                        : null,
                wanted.contains(StoreOption.CLICKHOUSE)
                        ? SharedServers.clickHouse().httpUrl()
                        : null,
                (short) 1));
    }

    /** The schema on these targets (e.g. a store reached through a fault proxy), once. */
    public static synchronized void on(SchemaTargets targets) {
        if (APPLIED.contains(targets)) {
            return;
        }
        try {
            new SchemaBootstrap(targets).apply();
        } catch (Exception e) {
            throw new IllegalStateException("the schema bootstrap failed on " + targets, e);
        }
        APPLIED.add(targets);
    }
}
