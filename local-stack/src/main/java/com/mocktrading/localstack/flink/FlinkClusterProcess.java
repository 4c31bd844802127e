package com.mocktrading.localstack.flink;

import com.mocktrading.localstack.HttpProbe;
import com.mocktrading.localstack.process.ChildJvm;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@link FlinkMiniCluster} (JobManager and TaskManager) in a JVM of its own, the way a Flink cluster runs
 * apart from its clients: it can be killed with its jobs and restarted, and they resume from their retained
 * checkpoints (which {@link FlinkJarJob} finds).
 */
public final class FlinkClusterProcess extends ProcessBackedServer {

    private final int restPort;
    private final int slots;
    private final Path checkpointDirectory;
    private final Path processLog;
    private final int metricsPort;

    /** @param metricsPort Flink's Prometheus reporter's port, 0 for none (see {@link FlinkMiniCluster}) */
    public FlinkClusterProcess(int restPort, int slots, Path checkpointDirectory, Path processLog, int metricsPort) {
        super(Duration.ofSeconds(90), Duration.ofSeconds(30));
        this.restPort = restPort;
        this.slots = slots;
        this.checkpointDirectory = checkpointDirectory.toAbsolutePath();
        this.processLog = processLog;
        this.metricsPort = metricsPort;
    }

    /** {@code REST_PORT SLOTS CHECKPOINT_DIRECTORY METRICS_PORT}: runs the cluster until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        FlinkMiniCluster cluster = new FlinkMiniCluster(
                Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        ChildJvm.run(cluster::start, cluster::stop);
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public String endpoint() {
        return restUrl();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    /** Where the cluster's Prometheus reporter serves, or null when it runs none. */
    public String metricsUrl() {
        return metricsPort == 0 ? null : "http://127.0.0.1:" + metricsPort + "/metrics";
    }

    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    @Override
    protected ManagedProcess prepare() {
        return ManagedProcess.named(name())
                .command(ChildJvm.command(
                        "1536m",
                        processLog,
                        FlinkClusterProcess.class,
                        List.of(
                                Integer.toString(restPort),
                                Integer.toString(slots),
                                checkpointDirectory.toString(),
                                Integer.toString(metricsPort))))
                .logFile(processLog)
                .build();
    }

    @Override
    protected boolean isReady() {
        return HttpProbe.answersOk(restUrl() + "/overview");
    }
}
