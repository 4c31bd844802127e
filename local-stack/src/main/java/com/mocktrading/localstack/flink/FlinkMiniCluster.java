package com.mocktrading.localstack.flink;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster inside this JVM with its REST endpoint (and web UI when flink-runtime-web is on the
 * classpath) on the given port. Jobs reach it the way they reach a real cluster: through a remote
 * environment talking to that endpoint. Needs Flink on the classpath, which this module keeps optional.
 */
public final class FlinkMiniCluster implements LocalServer {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int restPort;
    private final int slots;
    private final Path checkpointDirectory;
    private final int metricsPort;
    private MiniCluster cluster;

    public FlinkMiniCluster(int restPort, int slots, Path checkpointDirectory) {
        this(restPort, slots, checkpointDirectory, 0);
    }

    /**
     * @param metricsPort where Flink's Prometheus reporter serves the cluster's and its jobs' metrics; 0 for none.
     *     The reporter listens on every interface (Flink offers no bind address for it), so it runs only where asked.
     */
    public FlinkMiniCluster(int restPort, int slots, Path checkpointDirectory, int metricsPort) {
        this.restPort = restPort;
        this.slots = slots;
        this.checkpointDirectory = checkpointDirectory.toAbsolutePath();
        this.metricsPort = metricsPort;
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public synchronized void start() {
        if (cluster != null) {
            return;
        }
        try {
            Files.createDirectories(checkpointDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.PORT, restPort);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        configuration.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                checkpointDirectory.toUri().toString());
        // This JVM carries the AWS SDK (DynamoDB Local); the SDK finds interceptors through classpath resources,
        // so a job jar's own copy, loaded child-first, would meet this one's. Same version: load it parent-first.
        configuration.set(
                CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL, List.of("software.amazon.awssdk."));
        if (metricsPort != 0) {
            configuration.setString(
                    "metrics.reporter.prom.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            configuration.setString("metrics.reporter.prom.port", Integer.toString(metricsPort));
        }
        MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            miniCluster.start();
        } catch (Exception e) {
            throw new ServerStartException("Flink MiniCluster did not start on port " + restPort, e);
        }
        cluster = miniCluster;
    }

    @Override
    public synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Flink MiniCluster did not stop cleanly", e);
            } finally {
                cluster = null;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return cluster != null && cluster.isRunning();
    }

    @Override
    public String endpoint() {
        return restUrl();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public int restPort() {
        return restPort;
    }

    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    /**
     * What the cluster says of a job, for a test's failure message: its state, each vertex's state and record
     * counts, and the exceptions it restarted for (the REST answers as they are, shortened).
     */
    public String diagnosis(JobID job) {
        StringBuilder diagnosis = new StringBuilder("job ").append(job);
        for (String path : List.of("/jobs/" + job, "/jobs/" + job + "/exceptions?maxExceptions=5")) {
            diagnosis.append("\n").append(path).append(": ");
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(restUrl() + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                diagnosis.append(response.statusCode()).append(' ').append(body, 0, Math.min(body.length(), 4000));
            } catch (IOException e) {
                diagnosis.append(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                diagnosis.append(e);
            }
        }
        return diagnosis.toString();
    }

    /** An environment that submits jobs to this cluster through its REST endpoint, as to a real cluster. */
    public StreamExecutionEnvironment remoteEnvironment(Configuration jobConfiguration) {
        return StreamExecutionEnvironment.createRemoteEnvironment("127.0.0.1", restPort, jobConfiguration);
    }
}
