package com.mocktrading.simulator;

import com.mocktrading.simulator.feed.FeedHealth;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} on {@code --health-port}: 200 while the feed is healthy, 503 when it is not. The simulator
 * is no web service; this is only for the platform's probes (a container's healthcheck, a Kubernetes probe),
 * hence on every interface of its container.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    HealthEndpoint(int port, FeedHealth health) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/health", exchange -> {
            boolean healthy = health.healthyAt(System.nanoTime());
            byte[] body = (healthy ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
