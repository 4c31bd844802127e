package com.mocktrading.localstack.process;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.Readiness;
import java.time.Duration;
import java.util.Optional;

/** The lifecycle shared by servers that run as child processes: launch, await readiness, stop the tree. */
public abstract class ProcessBackedServer implements LocalServer {

    private final Duration startTimeout;
    private final Duration stopGrace;
    private ManagedProcess process;

    protected ProcessBackedServer(Duration startTimeout, Duration stopGrace) {
        this.startTimeout = startTimeout;
        this.stopGrace = stopGrace;
    }

    /** Prepares directories and configuration and describes the process; it is started by the caller. */
    protected abstract ManagedProcess prepare();

    /** How long a start may take until the server is ready. */
    protected Duration startTimeout() {
        return startTimeout;
    }

    /** True once the server answers a real request. */
    protected abstract boolean isReady();

    /** What to show when the server does not come up; the process log tail unless overridden. */
    protected String diagnostics(ManagedProcess failed) {
        return failed.logTail(30);
    }

    @Override
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        ManagedProcess launched = prepare();
        process = launched;
        launched.start();
        Readiness.await(
                name() + " at " + endpoint(),
                startTimeout(),
                this::isReady,
                launched::isAlive,
                () -> diagnostics(launched));
        launched.recordProcessTree();
    }

    @Override
    public final synchronized void stop() {
        if (process != null) {
            process.stop(stopGrace);
            process = null;
            stopped();
        }
    }

    /** Cleans up what outlives the process tree (a container the tree only ran); nothing unless overridden. */
    protected void stopped() {}

    @Override
    public final synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** True when the process was started and has ended without {@link #stop()}: it crashed or was killed. */
    public final synchronized boolean exitedUnexpectedly() {
        return process != null && !process.isAlive();
    }

    /** The server's process (the root of its tree), to signal it; empty while it is not started. */
    public final synchronized Optional<ProcessHandle> processHandle() {
        return process == null ? Optional.empty() : process.handle();
    }
}
