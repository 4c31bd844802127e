package com.mocktrading.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The project's own images (mock-trading/MODULE:TAG, as {@code docker compose build} or {@code bin/verify-images}
 * makes them) in place of the built jars: each service, the simulator and the tools run in a container on the
 * host network, so they reach the local servers on loopback exactly as the jars do. The Docker client is
 * {@code docker} (or {@code $MOCKTRADING_DOCKER}); {@code $DOCKER_HOST} says which engine it talks to.
 */
public record ServiceImages(String tag) {

    private static final String REPOSITORY = "mock-trading/";
    /** What a tool run or an image copy may take: far more than either needs. */
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);

    public ServiceImages {
        if (tag == null || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw new IllegalArgumentException(
                    "--images must be an image tag (letters, digits, _ . -), was '" + tag + "'");
        }
    }

    public String image(String module) {
        return REPOSITORY + module + ":" + tag;
    }

    /**
     * Runs {@code module}'s image in the foreground as {@code container}, removed when it ends. The environment is
     * passed on by name only, so its values come from the client's own environment and stay off the command line.
     * {@code mounts} are given read-only at the same path, so file URLs in the environment hold inside too.
     */
    List<String> runCommand(
            String container,
            String module,
            Collection<String> environment,
            List<Path> mounts,
            String memory,
            List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                docker(), "run", "--rm", "--name", container, "--network", "host", "--memory", memory, "--init"));
        environment.forEach(name -> command.addAll(List.of("--env", name)));
        mounts.forEach(path -> command.addAll(List.of("--volume", path + ":" + path + ":ro")));
        command.add(image(module));
        command.addAll(arguments);
        return command;
    }

    /** Removes {@code container} if it is there: a killed client leaves its container running. */
    void remove(String container) {
        exec(List.of(docker(), "rm", "--force", container));
    }

    /** Runs {@code module}'s image to its end (a one-shot tool) and returns its output; fails unless it exits 0. */
    public List<String> runToEnd(String module, List<String> arguments) {
        List<String> command =
                new ArrayList<>(List.of(docker(), "run", "--rm", "--network", "host", "--memory", "384m"));
        command.add(image(module));
        command.addAll(arguments);
        Result result = exec(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    image(module) + " exited with " + result.exitCode() + ":\n" + String.join("\n", result.output()));
        }
        // The JVM announces the image's heap settings on every start; that line is not the tool's.
        return result.output().stream()
                .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .toList();
    }

    /** Copies the file {@code pathInImage} out of {@code module}'s image to {@code target}. */
    Path copyOut(String module, String pathInImage, Path target) {
        String container =
                "mock-trading-copy-" + module + "-" + ProcessHandle.current().pid();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            check(exec(List.of(docker(), "create", "--name", container, image(module))), "create a container of");
            check(exec(List.of(docker(), "cp", container + ":" + pathInImage, target.toString())), "copy out of");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            remove(container);
        }
    }

    private void check(Result result, String action) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "cannot " + action + " an image with " + docker() + ":\n" + String.join("\n", result.output()));
        }
    }

    private static String docker() {
        return Objects.requireNonNullElse(System.getenv("MOCKTRADING_DOCKER"), "docker");
    }

    private record Result(int exitCode, List<String> output) {}

    private static Result exec(List<String> command) {
        try {
            Path output = Files.createTempFile("docker-", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException(String.join(" ", command) + " took over " + TOOL_TIMEOUT);
                }
                return new Result(process.exitValue(), Files.readAllLines(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run " + docker() + " (is Docker installed? bin/verify-images starts an engine): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
