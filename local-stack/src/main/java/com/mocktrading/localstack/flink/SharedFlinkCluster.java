package com.mocktrading.localstack.flink;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;

/** The test JVM's Flink MiniCluster, started on first use like the other shared servers. */
public final class SharedFlinkCluster {

    private static final int SLOTS = 4;
    private static FlinkMiniCluster cluster;

    private SharedFlinkCluster() {}

    public static synchronized FlinkMiniCluster get() {
        if (cluster == null) {
            cluster = SharedServers.startShared(
                    directory -> new FlinkMiniCluster(FreePorts.next(), SLOTS, directory.resolve("checkpoints")),
                    "flink");
        }
        return cluster;
    }
}
