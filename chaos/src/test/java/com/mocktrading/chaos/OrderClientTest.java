package com.mocktrading.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workload's client retries exactly what the contract allows: whatever changed nothing, always; a lost or
 * uncertain answer only with an Idempotency-Key, and then with the same key. Against a scripted HTTP server.
 */
class OrderClientTest {

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesAnUnkeyedOrderThatWasRefusedWithNothingQueued() throws Exception {
        script.add(new Answer(503, "DEPENDENCY_UNAVAILABLE", 0));
        script.add(new Answer(202, null, 0));

        PlacedOrder order = client().place("c", user(), null, "ACME", "BUY", 1);

        assertThat(order.accepted()).isTrue();
        assertThat(order.attempts()).isEqualTo(2);
        assertThat(order.orderIds()).containsExactly("o-2");
    }

    @Test
    void leavesAnUnkeyedOrderWhoseFateIsUnknownWithoutRetrying() throws Exception {
        script.add(new Answer(502, "UPSTREAM_FAILED", 0));
        script.add(new Answer(202, null, 0));

        PlacedOrder order = client().place("c", user(), null, "ACME", "BUY", 1);

        assertThat(order.answer()).isEqualTo(PlacedOrder.NO_ANSWER);
        assertThat(order.attempts()).isEqualTo(1);
    }

    @Test
    void retriesAKeyedOrderAfterAnUncertainAnswerAndATimeoutWithTheSameKey() throws Exception {
        script.add(new Answer(502, "UPSTREAM_FAILED", 0));
        script.add(new Answer(202, null, 2_000)); // answered after the client gave up on it
        script.add(new Answer(202, null, 0));

        PlacedOrder order = client().place("c", user(), "k1", "ACME", "BUY", 1);

        assertThat(order.accepted()).isTrue();
        assertThat(order.attempts()).isEqualTo(3);
        assertThat(keysSeen).containsExactly("k1", "k1", "k1");
    }

    @Test
    void takesABusinessRefusalAsTheAnswer() throws Exception {
        script.add(new Answer(422, "INSUFFICIENT_HOLDINGS", 0));

        PlacedOrder order = client().place("c", user(), "k1", "ACME", "SELL", 1);

        assertThat(order.answer()).isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(order.attempts()).isEqualTo(1);
    }

    @Test
    void retriesAKeyedOrderAfterAnErrorWithoutACodeAndGivesUpOnAnUnkeyedOne() throws Exception {
        script.add(new Answer(503, null, 0));
        script.add(new Answer(202, null, 0));
        script.add(new Answer(503, null, 0));

        OrderClient client = client();
        PlacedOrder keyed = client.place("c", user(), "k1", "ACME", "BUY", 1);
        PlacedOrder unkeyed = client.place("c", user(), null, "ACME", "BUY", 1);

        assertThat(keyed.accepted()).isTrue();
        assertThat(keyed.answers()).containsExactly("503", "202");
        assertThat(unkeyed.answer()).isEqualTo(PlacedOrder.NO_ANSWER);
        assertThat(unkeyed.answers()).containsExactly("503");
    }

    private OrderClient client() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/orders", this::answer);
        server.start();
        return new OrderClient(
                OrderClient.sharedHttp(),
                "http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                new Availability(),
                OrderClient.answerCounts());
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        keysSeen.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        Answer answer = script.poll();
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String body = answer.status() == 202
                ? "{\"orderId\":\"o-" + keysSeen.size() + "\",\"status\":\"ACCEPTED\"}"
                : answer.code() == null
                        ? ""
                        : "{\"status\":" + answer.status() + ",\"code\":\"" + answer.code() + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGaveUp) {
            // The client timed out first: as intended for that answer.
        }
    }

    private static OrderClient.User user() {
        return new OrderClient.User("u1", "token");
    }

    private record Answer(int status, String code, long delayMillis) {}
}
