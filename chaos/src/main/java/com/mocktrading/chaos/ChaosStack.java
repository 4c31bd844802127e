package com.mocktrading.chaos;

import com.mocktrading.consistency.ConsistencyCheckCommand;
import com.mocktrading.localrun.FaultProxies;
import com.mocktrading.localrun.LocalSystem;
import com.mocktrading.localrun.LocalSystemSettings;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole local system, every store behind fault proxies, run for breaking it: its processes are signalled
 * (SIGKILL, SIGTERM, SIGSTOP/SIGCONT) the way an operating system or an operator would, and the stack's supervisor
 * restarts what ended unless the scenario holds it down. After a power cut of every process a new stack takes the
 * same data directory and ports over, as a rebooted machine would.
 */
final class ChaosStack implements AutoCloseable {

    private final LocalSystemSettings settings;
    private LocalSystem stack;

    ChaosStack(LocalSystemSettings settings) {
        this.settings = settings;
    }

    void start() throws Exception {
        stack = new LocalSystem(settings, true);
        stack.start();
    }

    LocalSystem stack() {
        return stack;
    }

    LocalSystemSettings settings() {
        return settings;
    }

    String gateway() {
        return "http://127.0.0.1:" + settings.gatewayPort();
    }

    String marketDataSocket() {
        return "ws://127.0.0.1:" + settings.gatewayPort() + "/v1/marketdata";
    }

    FaultProxies proxies() {
        return stack.faultProxies();
    }

    ConsistencyCheckCommand.Endpoints endpoints() {
        return new ConsistencyCheckCommand.Endpoints(
                stack.dynamoDb().endpointUrl(),
                stack.kafka().bootstrapServers(),
                stack.elasticsearch().httpUrl(),
                stack.clickHouse().httpUrl());
    }

    Path logs() {
        return settings.dataDirectory().resolve("logs");
    }

    Path checkpoints() {
        return stack.flink().checkpointDirectory();
    }

    /** The processes that run {@code service}: one, or each of its replicas. */
    List<String> replicasOf(String service) {
        return stack.replicasOf(service);
    }

    /** SIGKILL to the server's whole process tree at once; the supervisor restarts it unless it is held. */
    void kill(String server) {
        List<ProcessHandle> tree = tree(server);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    /** SIGTERM: the server shuts down cleanly; the supervisor restarts it unless it is held. */
    void terminate(String server) {
        List<ProcessHandle> tree = tree(server);
        tree.get(tree.size() - 1).destroy();
        tree.forEach(handle -> {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        });
    }

    /** SIGSTOP to the whole tree: the server freezes with its connections open, like a machine that hangs. */
    void freeze(String server) {
        signal(server, "STOP");
    }

    /** SIGCONT: a frozen server runs on. */
    void thaw(String server) {
        signal(server, "CONT");
    }

    void hold(String server) {
        stack.supervisor().hold(server);
    }

    void release(String server) {
        stack.supervisor().release(server);
    }

    /** Waits until the supervisor has the server running again. */
    void awaitRunning(String server, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!server(server).isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + " is not running again after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /** Every process of the stack gets SIGKILL at once; then a new stack recovers on the same data. */
    void powerCutAndRestart() throws Exception {
        stack.killEverything();
        start();
    }

    /** Restarts of each server by the supervisor of the current stack. */
    Map<String, Integer> restarts() {
        return stack.supervisor().restarts();
    }

    private LocalServer server(String name) {
        return stack.server(name);
    }

    /** The server's processes, children first and the root last. */
    private List<ProcessHandle> tree(String name) {
        if (!(server(name) instanceof ProcessBackedServer process)) {
            throw new IllegalArgumentException(name + " is not a process of its own");
        }
        ProcessHandle root =
                process.processHandle().orElseThrow(() -> new IllegalStateException(name + " has no running process"));
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        return tree;
    }

    private void signal(String server, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        tree(server).forEach(handle -> command.add(Long.toString(handle.pid())));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
