package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the local run's Zipkin holds, read through its v2 API, as a person would find it in the trace UI. */
final class ZipkinTraces {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String zipkin;

    ZipkinTraces(int port) {
        this.zipkin = "http://127.0.0.1:" + port;
    }

    /**
     * The trace {@code traceId} once it has a span of every service in {@code services} and every span name in
     * {@code names} (Zipkin lowercases them); the agents and the jobs send spans in batches every few seconds.
     */
    Trace await(String traceId, Set<String> services, Set<String> names, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Trace trace = new Trace(List.of());
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/v2/trace/" + traceId);
            if (response.statusCode() == 200) {
                trace = new Trace(spansOf(JSON.readTree(response.body())));
                if (trace.services().containsAll(services) && trace.names().containsAll(names)) {
                    return trace;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("trace " + traceId + " never had the spans of " + services + " named " + names
                + "; it has " + trace.describe());
    }

    /** Every span Zipkin holds, as JSON text: what a secret must never be found in. */
    String everything() throws Exception {
        return get("/api/v2/traces?limit=100000&lookback=86400000").body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(zipkin + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<TraceSpan> spansOf(JsonNode array) {
        List<TraceSpan> spans = new ArrayList<>();
        for (JsonNode span : array) {
            Map<String, String> tags = new HashMap<>();
            span.path("tags")
                    .fields()
                    .forEachRemaining(
                            tag -> tags.put(tag.getKey(), tag.getValue().asText()));
            spans.add(new TraceSpan(
                    span.path("id").asText(),
                    span.hasNonNull("parentId") ? span.get("parentId").asText() : null,
                    span.path("name").asText(),
                    span.path("localEndpoint").path("serviceName").asText(),
                    span.path("kind").asText(),
                    span.path("timestamp").asLong(),
                    tags));
        }
        return spans;
    }

    record TraceSpan(
            String id,
            String parentId,
            String name,
            String service,
            String kind,
            long timestampMicros,
            Map<String, String> tags) {}

    record Trace(List<TraceSpan> spans) {

        Set<String> services() {
            return spans.stream().map(TraceSpan::service).collect(Collectors.toSet());
        }

        Set<String> names() {
            return spans.stream().map(TraceSpan::name).collect(Collectors.toSet());
        }

        /** The first span of {@code service} named {@code name} (a retried step has one per attempt). */
        TraceSpan span(String service, String name) {
            return spans.stream()
                    .filter(span ->
                            span.service().equals(service) && span.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no span '" + name + "' in " + describe()));
        }

        Optional<TraceSpan> parentOf(TraceSpan span) {
            return spans.stream().filter(s -> s.id().equals(span.parentId())).findFirst();
        }

        /** The span's ancestors, nearest first, up to the root. */
        List<TraceSpan> ancestorsOf(TraceSpan span) {
            List<TraceSpan> ancestors = new ArrayList<>();
            for (Optional<TraceSpan> parent = parentOf(span); parent.isPresent(); parent = parentOf(parent.get())) {
                ancestors.add(parent.get());
            }
            return ancestors;
        }

        /** Asserts that {@code span} descends from a span matching {@code ancestor}, which began no later. */
        void assertDescends(TraceSpan span, String what, Predicate<TraceSpan> ancestor) {
            Optional<TraceSpan> found =
                    ancestorsOf(span).stream().filter(ancestor).findFirst();
            assertThat(found)
                    .as("%s '%s' descends from %s in %s", span.service(), span.name(), what, describe())
                    .isPresent();
            assertThat(found.get().timestampMicros())
                    .as("%s began before '%s'", what, span.name())
                    .isLessThanOrEqualTo(span.timestampMicros());
        }

        String describe() {
            return spans.stream()
                    .map(span -> span.service() + ":" + span.name() + "(" + span.id() + "<-" + span.parentId() + ")")
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
