package com.mocktrading.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders through the gateway the way a careful client does: it retries with backoff what the contract says
 * changed nothing (429, 409 in progress, a 503 that promises nothing was queued), honouring {@code Retry-After};
 * and it retries a timeout, a lost connection or an uncertain answer only when the order carries an
 * {@code Idempotency-Key}, since only then can a retry not place a second order.
 */
final class OrderClient {

    /** Codes of a 503 (and the 409) after which nothing was queued: any order may be sent again. */
    private static final Set<String> NOTHING_QUEUED = Set.of(
            "DEPENDENCY_UNAVAILABLE", "OVERLOADED", "PRICE_UNAVAILABLE", "RATE_LIMITED", "IDEMPOTENCY_KEY_IN_PROGRESS");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final Duration requestTimeout;
    private final Duration patience;
    private final Availability availability;
    private final Map<String, AtomicLong> answers;

    /** @param http shared by the clients of a workload, as the tabs of one browser share theirs */
    OrderClient(
            HttpClient http,
            String gateway,
            Duration requestTimeout,
            Duration patience,
            Availability availability,
            Map<String, AtomicLong> answers) {
        this.http = http;
        this.gateway = gateway;
        this.requestTimeout = requestTimeout;
        this.patience = patience;
        this.availability = availability;
        this.answers = answers;
    }

    /** An HTTP client for many order clients: HTTP/1.1, one connection per request in flight. */
    static HttpClient sharedHttp() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** A map to share between clients, counting every answer (per request) by status and code. */
    static Map<String, AtomicLong> answerCounts() {
        return new ConcurrentHashMap<>();
    }

    PlacedOrder place(String client, User user, String key, String symbol, String side, int quantity)
            throws InterruptedException {
        String body = "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"quantity\":" + quantity + "}";
        long giveUpAt = System.nanoTime() + patience.toNanos();
        List<String> orderIds = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        while (true) {
            Answer answer = send(user, key, body);
            answers.add(count(answer));
            int attempts = answers.size();
            boolean systemAnswered = answer.status() > 0 && answer.status() < 500;
            if (systemAnswered) {
                availability.answered(client, answer.status() == 202);
            } else {
                availability.failed(client);
            }
            if (answer.status() == 202) {
                orderIds.add(answer.orderId());
                return new PlacedOrder(user.id(), key, symbol, side, quantity, orderIds, PlacedOrder.ACCEPTED, answers);
            }
            // An error without a problem code says nothing about what happened (the report counts it as a defect).
            boolean nothingQueued = answer.code() != null && NOTHING_QUEUED.contains(answer.code());
            boolean retryable = nothingQueued || (key != null && !systemAnswered);
            if (answer.status() >= 400 && answer.status() < 500 && !nothingQueued) {
                return new PlacedOrder(user.id(), key, symbol, side, quantity, orderIds, answer.code(), answers);
            }
            if (!retryable || System.nanoTime() > giveUpAt) {
                return new PlacedOrder(
                        user.id(), key, symbol, side, quantity, orderIds, PlacedOrder.NO_ANSWER, answers);
            }
            Thread.sleep(backoff(attempts, answer.retryAfterSeconds()));
        }
    }

    private Answer send(User user, String key, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/v1/orders"))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(response.body());
            long retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(OrderClient::seconds)
                    .orElse(-1L);
            return new Answer(response.statusCode(), text(json, "code"), text(json, "orderId"), retryAfter);
        } catch (HttpTimeoutException e) {
            return new Answer(0, "TIMEOUT", null, -1);
        } catch (IOException e) {
            return new Answer(0, "CONNECTION_FAILED", null, -1);
        }
    }

    /** Counts the answer and returns its label: its status and code, or why there was none. */
    private String count(Answer answer) {
        String label = answer.status() == 0
                ? answer.code()
                : answer.status() + (answer.code() == null ? "" : " " + answer.code());
        answers.computeIfAbsent(label, ignored -> new AtomicLong()).incrementAndGet();
        return label;
    }

    private static long backoff(int attempt, long retryAfterSeconds) {
        long base = retryAfterSeconds > 0
                ? Math.min(retryAfterSeconds, 5) * 1000
                : Math.min(4000, 250L << Math.min(attempt - 1, 4));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        return json != null && json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    /** One HTTP answer; status 0 when there was none (code says why). */
    private record Answer(int status, String code, String orderId, long retryAfterSeconds) {}

    /** A user of the workload and the token it sends. */
    record User(String id, String token) {}
}
