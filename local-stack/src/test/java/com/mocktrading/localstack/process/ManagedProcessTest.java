package com.mocktrading.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path directory;

    @Test
    void stoppingTakesTheWholeProcessTreeDownEvenWhenAChildIgnoresSigterm() throws Exception {
        // Given a process that forked a child which ignores SIGTERM
        ManagedProcess process = ManagedProcess.named("tree")
                .command(List.of("sh", "-c", "(trap '' TERM; sleep 300) & sleep 300"))
                .workingDirectory(directory)
                .logFile(directory.resolve("tree.log"))
                .build();
        process.start();
        List<ProcessHandle> tree = awaitDescendants(2);

        // When it is stopped with a short grace period
        process.stop(Duration.ofMillis(500));

        // Then every process of the tree is gone
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void keepsTheOutputInItsLogFileAndShowsItsTail() throws Exception {
        ManagedProcess process = ManagedProcess.named("echo")
                .command(List.of("sh", "-c", "echo first; echo second"))
                .workingDirectory(directory)
                .logFile(directory.resolve("logs/echo.log"))
                .build();

        process.start();
        ProcessHandle.current().descendants().forEach(p -> p.onExit().join());

        assertThat(Files.readString(directory.resolve("logs/echo.log"))).isEqualTo("first\nsecond\n");
        assertThat(process.logTail(1)).endsWith("second");
    }

    private static List<ProcessHandle> awaitDescendants(int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> descendants =
                    ProcessHandle.current().descendants().toList();
            if (descendants.size() >= count) {
                return descendants;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the process did not fork");
    }
}
