package com.mocktrading.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook that undoes what was registered in reverse order: consumers stop before the
 * brokers and stores they talk to, and a temporary directory goes after the servers that used it. Runs on
 * normal exit, after a failure and on Ctrl-C / SIGTERM.
 */
public final class ShutdownHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHooks.class);
    private static final Deque<Runnable> ACTIONS = new ArrayDeque<>();
    private static boolean installed;

    private ShutdownHooks() {}

    public static void stopAtExit(LocalServer server) {
        register(() -> {
            try {
                server.stop();
            } catch (RuntimeException e) {
                LOG.warn("could not stop {} cleanly", server.name(), e);
            }
        });
    }

    /** Deletes the directory at exit, after everything registered later (the servers using it) has stopped. */
    public static void deleteAtExit(Path directory) {
        register(() -> deleteRecursively(directory));
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete {}", directory, e);
        }
    }

    private static synchronized void register(Runnable action) {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHooks::runAll, "local-stack-shutdown"));
            installed = true;
        }
        ACTIONS.push(action);
    }

    private static synchronized void runAll() {
        while (!ACTIONS.isEmpty()) {
            ACTIONS.pop().run();
        }
    }
}
