package com.mocktrading.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Flink cluster says of its running jobs, from its REST API: restarts of the current run, checkpoints
 * completed and restored. Evidence for the report, not judged: a fault is expected to restart a job.
 */
final class FlinkJobFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FlinkJobFacts() {}

    /** One line per running job; a line saying why when the cluster does not answer. */
    static List<String> describe(String restUrl) {
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode job : get(restUrl + "/jobs/overview").path("jobs")) {
                if (!"RUNNING".equals(job.path("state").asText())) {
                    continue;
                }
                String id = job.path("jid").asText();
                JsonNode checkpoints = get(restUrl + "/jobs/" + id + "/checkpoints");
                JsonNode restarts = get(restUrl + "/jobs/" + id + "/metrics?get=numRestarts");
                lines.add(String.format(
                        "%s (%s): %s restarts in this run; %d checkpoints completed (latest #%s), restored %d times"
                                + " (latest from #%s)",
                        job.path("name").asText(),
                        id,
                        restarts.path(0).path("value").asText("?"),
                        checkpoints.path("counts").path("completed").asLong(),
                        checkpoints.path("latest").path("completed").path("id").asText("-"),
                        checkpoints.path("counts").path("restored").asLong(),
                        checkpoints.path("latest").path("restored").path("id").asText("-")));
            }
        } catch (Exception e) {
            lines.add("the Flink cluster did not answer: " + e.getMessage());
        }
        return lines;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
