package com.mocktrading.localstack.process;

import com.mocktrading.localstack.PrerequisiteMissingException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding programs on this machine and running short helper commands. */
public final class Commands {

    private static final List<String> EXTRA_PATH = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private Commands() {}

    public static Optional<Path> find(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return java.util.stream.Stream.concat(
                        java.util.Arrays.stream(path.split(File.pathSeparator)), EXTRA_PATH.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The program's path, or a one-line error naming the Debian package that provides it. */
    public static Path require(String program, String debianPackage) {
        return find(program)
                .orElseThrow(() -> new PrerequisiteMissingException(program + " not found: install it with"
                        + " 'apt-get install " + debianPackage + "' (the README's test and run commands do this"
                        + " themselves when run as root)"));
    }

    /** Runs a short command to completion; returns its combined output, failing on a non-zero exit. */
    public static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
