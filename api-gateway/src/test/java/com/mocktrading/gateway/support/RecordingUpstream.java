package com.mocktrading.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An upstream HTTP server standing in for the services behind the gateway: it records what the gateway forwarded
 * (method, path with query, headers) and answers 200 with a small JSON body. The services themselves are tested
 * against their real stores in their own modules; here only the gateway's routing and edge rules are under test.
 */
public final class RecordingUpstream implements AutoCloseable {

    public record Forwarded(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Forwarded> received = new LinkedBlockingQueue<>();
    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();

    private RecordingUpstream(boolean ready) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The gateway's load balancer asks each instance whether it is ready; that is not a forwarded request.
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/", exchange -> {
            Integer failure = failures.poll();
            if (failure != null) {
                // As a web server in front of a service answers when the service's code never ran: no body, and
                // nothing recorded, since nothing reached the service.
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(failure, -1);
                exchange.close();
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Forwarded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = "{\"upstream\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** An upstream listening on a free loopback port. */
    public static RecordingUpstream start() {
        return start(true);
    }

    /** An upstream that says it is not ready (503 on its readiness probe) and still answers what it is sent. */
    public static RecordingUpstream notReady() {
        return start(false);
    }

    private static RecordingUpstream start(boolean ready) {
        try {
            return new RecordingUpstream(ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request it is sent with {@code status} and no body. */
    public void failNext(int status) {
        failures.add(status);
    }

    /** Forgets what was forwarded so far, so that {@link #next} waits for what comes after. */
    public void forget() {
        received.clear();
    }

    /** The next request the gateway forwarded, or null within 5 s. */
    public Forwarded next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    /** The next request the gateway forwarded, or null within {@code wait}. */
    public Forwarded next(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
