package com.mocktrading.localstack.process;

import com.mocktrading.localstack.PrerequisiteMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A process whose wall clock is off by a fixed amount, through Debian's libfaketime (preloaded): what a machine
 * whose clock drifted looks like to the rest of the system. Monotonic clocks are left alone, so timeouts and
 * sleeps inside the process still measure real time.
 */
public final class FakeTime {

    private FakeTime() {}

    /** The environment that puts a process's wall clock {@code ahead} (negative: behind). */
    public static Map<String, String> environment(Duration ahead) {
        return Map.of(
                "LD_PRELOAD",
                library().toString(),
                "FAKETIME",
                (ahead.isNegative() ? "" : "+") + ahead.toSeconds() + "s",
                "FAKETIME_DONT_FAKE_MONOTONIC",
                "1",
                // File times stay real: the clock is the subject, and each intercepted stat slows class loading.
                "NO_FAKE_STAT",
                "1");
    }

    private static Path library() {
        try (Stream<Path> architectures = Files.list(Path.of("/usr/lib"))) {
            Optional<Path> found = architectures
                    // The thread-safe variant: a JVM calls the clock from many threads (and starts twice as fast with
                    // it).
                    .map(directory -> directory.resolve("faketime/libfaketimeMT.so.1"))
                    .filter(Files::isRegularFile)
                    .findFirst();
            return found.orElseThrow(() -> new PrerequisiteMissingException(
                    "libfaketime is missing: install the Debian package faketime (bin/install-prerequisites does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
