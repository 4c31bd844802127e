package com.mocktrading.loadtests.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmarks' HTTP: one client (HTTP/1.1, which the stores speak anyway, so no h2c upgrade rides on the first
 * request), requests built the same way, and every call bounded, so that a server stalled by the load cannot hang
 * a benchmark.
 */
public final class BenchmarkHttp {

    /** For a single call; bulk requests pass a longer timeout of their own. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static HttpRequest.Builder get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public static HttpRequest.Builder delete(String url) {
        return HttpRequest.newBuilder(URI.create(url)).DELETE();
    }

    public HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws Exception {
        return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer; anything else fails the step named {@code what}. */
    public static String ok(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    what + " answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    /** A body short enough for one line of a report. */
    public static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
