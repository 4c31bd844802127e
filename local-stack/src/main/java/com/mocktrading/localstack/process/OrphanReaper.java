package com.mocktrading.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which server processes each JVM started, in small files under the temp directory. A JVM killed
 * with SIGKILL cannot run its shutdown hook; the next JVM that starts a server finds the files whose owner is
 * gone and stops those orphans. Processes are matched by pid and start time, so a recycled pid is never hit.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "mock-trading-processes");
    private static final ProcessHandle SELF = ProcessHandle.current();

    private OrphanReaper() {}

    static synchronized void record(String name, ProcessHandle root) {
        List<String> lines = new ArrayList<>();
        lines.add(describe(SELF));
        lines.add(describe(root));
        root.descendants().forEach(child -> lines.add(describe(child)));
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(fileFor(root), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn(
                    "could not record process {} of {}; it will not be reaped if this JVM is killed", root.pid(), name);
        }
    }

    static synchronized void forget(ProcessHandle root) {
        try {
            Files.deleteIfExists(fileFor(root));
        } catch (IOException e) {
            LOG.debug("could not delete the record of process {}", root.pid(), e);
        }
    }

    static synchronized void reapOrphans() {
        if (!Files.isDirectory(DIRECTORY)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIRECTORY, "*.pid")) {
            for (Path file : files) {
                reapIfOrphaned(file);
            }
        } catch (IOException e) {
            LOG.warn("could not look for orphaned server processes in {}", DIRECTORY, e);
        }
    }

    private static void reapIfOrphaned(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || find(lines.get(0)).isPresent()) {
            return;
        }
        for (String line : lines.subList(1, lines.size())) {
            find(line).ifPresent(orphan -> {
                LOG.warn("stopping orphaned server process {} left by a JVM that died", orphan.pid());
                orphan.destroyForcibly();
            });
        }
        Files.deleteIfExists(file);
    }

    private static Path fileFor(ProcessHandle root) {
        return DIRECTORY.resolve(SELF.pid() + "-" + root.pid() + ".pid");
    }

    private static String describe(ProcessHandle handle) {
        return handle.pid() + " "
                + handle.info().startInstant().map(Instant::toString).orElse("?");
    }

    /** The live process the line describes, if it still exists with the same start time. */
    private static Optional<ProcessHandle> find(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(parts[0]))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .startInstant()
                        .map(Instant::toString)
                        .orElse("?")
                        .equals(parts[1]));
    }
}
