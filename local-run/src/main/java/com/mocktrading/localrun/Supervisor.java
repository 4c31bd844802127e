package com.mocktrading.localrun;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.flink.FlinkJarJob;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a server or service whose process ended without being stopped (it crashed, or someone killed it), the
 * way Kubernetes restarts a container; after the Flink cluster, its jobs are submitted again and resume from their
 * retained checkpoints. A server can be held down for a while ({@link #hold}): what a fault-injection run does to
 * keep a store away for as long as it wants.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private final Supplier<List<LocalServer>> servers;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-run-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    Supervisor(Supplier<List<LocalServer>> servers) {
        this.servers = servers;
    }

    void start() {
        checks.scheduleWithFixedDelay(this::restartWhatEnded, 1, 1, TimeUnit.SECONDS);
    }

    /** Leaves {@code name} down if it ends, until {@link #release}. */
    public void hold(String name) {
        held.add(name);
    }

    /** Restarts {@code name} at the next check if it is down. */
    public void release(String name) {
        held.remove(name);
    }

    /** How many times each server was restarted. */
    public Map<String, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    private void restartWhatEnded() {
        for (LocalServer server : servers.get()) {
            if (server instanceof ProcessBackedServer process
                    && process.exitedUnexpectedly()
                    && !held.contains(server.name())) {
                restart(process);
            }
        }
    }

    private void restart(ProcessBackedServer process) {
        LOG.warn("{} ended without being stopped; restarting it", process.name());
        try {
            process.stop();
            process.start();
            restarts.merge(process.name(), 1, Integer::sum);
            LOG.warn("{} restarted", process.name());
            if ("flink".equals(process.name())) {
                resubmitJobs();
            }
        } catch (RuntimeException e) {
            LOG.error("{} did not restart (tried again in a second): {}", process.name(), e.getMessage());
            process.stop();
        }
    }

    private void resubmitJobs() {
        for (LocalServer server : servers.get()) {
            if (server instanceof FlinkJarJob job) {
                job.stop();
                job.start();
                LOG.warn("{} resubmitted to the restarted Flink cluster", job.name());
            }
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
