package com.mocktrading.localstack.process;

import com.mocktrading.localstack.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external server process with its output in a log file. Stopping it takes its whole process tree down
 * (Elasticsearch, for one, forks its server JVM from a launcher), politely first and by force after a grace
 * period. Each started tree is recorded with {@link OrphanReaper} so a JVM killed with SIGKILL does not leave
 * servers behind for the next run.
 */
public final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private Process process;

    private ManagedProcess(
            String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        OrphanReaper.reapOrphans();
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            process = builder.start();
            OrphanReaper.record(name, process.toHandle());
        } catch (IOException e) {
            throw new ServerStartException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Records the children the process has forked by now, so that they are reaped too if we die. */
    public synchronized void recordProcessTree() {
        if (process != null) {
            OrphanReaper.record(name, process.toHandle());
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The running process, to signal it; empty before it started. */
    public synchronized Optional<ProcessHandle> handle() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
    }

    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, deadline);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> awaitExit(handle, System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
        OrphanReaper.forget(process.toHandle());
        process = null;
    }

    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last lines of " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    public Path logFile() {
        return logFile;
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOutOrFailed) {
            // Still alive: the caller escalates to SIGKILL.
        }
    }

    public static final class Builder {
        private final String name;
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory = Path.of(".");
        private Path logFile;

        private Builder(String name) {
            this.name = name;
        }

        public Builder command(List<String> args) {
            command.addAll(args);
            return this;
        }

        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public ManagedProcess build() {
            if (logFile == null) {
                throw new IllegalStateException("a log file is required for " + name);
            }
            return new ManagedProcess(name, command, environment, workingDirectory, logFile);
        }
    }
}
