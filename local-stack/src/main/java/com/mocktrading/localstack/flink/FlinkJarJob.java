package com.mocktrading.localstack.flink;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.Readiness;
import com.mocktrading.localstack.ServerStartException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink job of this project, deployed to the local cluster the way it reaches a real one: its shaded jar
 * uploaded through the REST API and run with program arguments, resuming from the latest retained checkpoint
 * of its own earlier run. Stopping cancels it, which retains its last checkpoint for the next run. Which run was
 * its last is kept in {@code <checkpoints>/<name>.last}: the job id of that run and the checkpoint it had
 * started from, the fallback when that run ended before its first checkpoint.
 */
public final class FlinkJarJob implements LocalServer {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern JOB_ID = Pattern.compile("\"jobid\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern FILENAME = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final Path jar;
    private final String restUrl;
    private final Path checkpoints;
    private final List<String> arguments;
    private String jobId;

    public FlinkJarJob(String name, Path jar, String restUrl, Path checkpoints, List<String> arguments) {
        this.name = name;
        this.jar = jar;
        this.restUrl = restUrl;
        this.checkpoints = checkpoints;
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new PrerequisiteMissingException(jar + " is missing: build the project first (./run-local.sh does)");
        }
        String uploaded = upload();
        Optional<Path> restoreFrom = latestCheckpoint();
        // State of an operator that a newer build replaced is dropped rather than refused: neither job's
        // exactly-once output depends on it (the execution job checks trade_executed itself).
        String restore = restoreFrom
                .map(path -> ",\"savepointPath\":\"" + path + "\",\"allowNonRestoredState\":true")
                .orElse("");
        String body = "{\"programArgsList\":["
                + arguments.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",")) + "]" + restore + "}";
        String response = send(HttpRequest.newBuilder(URI.create(restUrl + "/jars/" + uploaded + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = JOB_ID.matcher(response);
        if (!id.find()) {
            throw new ServerStartException(name + " was not accepted by Flink: " + response);
        }
        jobId = id.group(1);
        remember(jobId, restoreFrom);
        Readiness.await(
                name + " job " + jobId,
                Duration.ofSeconds(60),
                () -> send(HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + jobId))
                                .GET())
                        .contains("\"state\":\"RUNNING\""),
                () -> true,
                () -> send(HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + jobId + "/exceptions"))
                        .GET()));
    }

    @Override
    public synchronized void stop() {
        if (jobId != null) {
            try {
                send(HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
            } catch (RuntimeException alreadyGone) {
                // The cluster stops next and takes the job with it.
            }
            jobId = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return jobId != null;
    }

    @Override
    public String endpoint() {
        return restUrl + "/#/job/running/" + jobId + "/overview";
    }

    /** The newest completed checkpoint of this job's last run, or the one that run had started from. */
    private Optional<Path> latestCheckpoint() {
        Path last = checkpoints.resolve(name + ".last");
        if (!Files.isRegularFile(last)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(last);
            Path runDirectory = checkpoints.resolve(lines.get(0));
            Optional<Path> newest = Optional.empty();
            if (Files.isDirectory(runDirectory)) {
                try (Stream<Path> runs = Files.list(runDirectory)) {
                    newest = runs.filter(path -> path.getFileName().toString().startsWith("chk-"))
                            .filter(path -> Files.isRegularFile(path.resolve("_metadata")))
                            .max(Comparator.comparingInt(path -> Integer.parseInt(
                                    path.getFileName().toString().substring("chk-".length()))));
                }
            }
            if (newest.isEmpty() && lines.size() > 1 && Files.isDirectory(Path.of(lines.get(1)))) {
                newest = Optional.of(Path.of(lines.get(1)));
            }
            return newest;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + last + ": " + e.getMessage(), e);
        }
    }

    private void remember(String runningJob, Optional<Path> startedFrom) {
        try {
            Files.createDirectories(checkpoints);
            Files.write(
                    checkpoints.resolve(name + ".last"),
                    startedFrom.isPresent()
                            ? List.of(runningJob, startedFrom.get().toString())
                            : List.of(runningJob));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String upload() {
        try {
            String boundary = "----mocktrading" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                            + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(jar));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            String response = send(HttpRequest.newBuilder(URI.create(restUrl + "/jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            Matcher filename = FILENAME.matcher(response);
            if (!filename.find()) {
                throw new ServerStartException("Flink refused the upload of " + jar + ": " + response);
            }
            return Path.of(filename.group(1)).getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new ServerStartException("Flink answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new ServerStartException("Flink's REST endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted", e);
        }
    }
}
