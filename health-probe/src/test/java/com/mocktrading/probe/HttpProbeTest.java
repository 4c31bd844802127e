package com.mocktrading.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void passesA2xxAnswer() throws IOException {
        assertThat(HttpProbe.problem(serve(200, Duration.ZERO), Duration.ofSeconds(2)))
                .isNull();
    }

    @Test
    void failsAnyOtherAnswer() throws IOException {
        assertThat(HttpProbe.problem(serve(503, Duration.ZERO), Duration.ofSeconds(2)))
                .contains("answered 503");
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(HttpProbe.problem(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2)))
                .contains("did not answer");
    }

    @Test
    void failsAnAnswerThatComesTooLate() throws IOException {
        assertThat(HttpProbe.problem(serve(200, Duration.ofSeconds(3)), Duration.ofMillis(300)))
                .contains("did not answer");
    }

    private URI serve(int status, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }
}
