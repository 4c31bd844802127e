package com.mocktrading.localstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy between a client and a line-echo server (or a tiny HTTP server), both real sockets on loopback. */
class FaultProxyTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger httpRequestsServed = new AtomicInteger();
    private ServerSocket echo;
    private FaultProxy proxy;

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void passesBytesBothWaysWhileThereIsNoFault() throws IOException {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        try (Line line = new Line(proxy.port())) {
            assertThat(line.ask("hello")).isEqualTo("hello");
        }
    }

    @Test
    void aBlackholeHoldsTheBytesBackUntilItLifts() throws Exception {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        try (Line line = new Line(proxy.port())) {
            assertThat(line.ask("before")).isEqualTo("before");
            proxy.inject(Fault.BLACKHOLE);
            line.send("during");
            assertThatThrownBy(() -> line.read(Duration.ofMillis(500))).isInstanceOf(SocketTimeoutException.class);
            assertThat(received).containsExactly("before");
            proxy.heal();
            assertThat(line.read(Duration.ofSeconds(5))).isEqualTo("during");
        }
    }

    @Test
    void halfOpenLetsRequestsThroughAndHoldsTheAnswers() throws Exception {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        try (Line line = new Line(proxy.port())) {
            proxy.inject(Fault.HALF_OPEN);
            line.send("written");
            assertThatThrownBy(() -> line.read(Duration.ofMillis(500))).isInstanceOf(SocketTimeoutException.class);
            assertThat(received).containsExactly("written");
        }
    }

    @Test
    void aResetAfterHalfOpenLetsNoHeldAnswerOut() throws Exception {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Line line = new Line(proxy.port())) {
                proxy.inject(Fault.HALF_OPEN);
                String sent = "held-" + attempt;
                line.send(sent);
                while (!received.contains(sent)) {
                    Thread.sleep(5);
                }
                proxy.inject(Fault.RESET);
                assertThatThrownBy(() -> line.read(Duration.ofSeconds(2))).isInstanceOf(IOException.class);
            }
            proxy.heal();
        }
    }

    @Test
    void aResetBreaksOpenConnectionsAndRefusesNewOnesUntilHealed() throws Exception {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        try (Line open = new Line(proxy.port())) {
            assertThat(open.ask("one")).isEqualTo("one");
            proxy.inject(Fault.RESET);
            assertThatThrownBy(() -> open.ask("two")).isInstanceOf(IOException.class);
        }
        try (Line refused = new Line(proxy.port())) {
            assertThatThrownBy(() -> refused.ask("three")).isInstanceOf(IOException.class);
        }
        assertThat(proxy.refusedConnections()).isEqualTo(1);
        proxy.heal();
        try (Line healed = new Line(proxy.port())) {
            assertThat(healed.ask("four")).isEqualTo("four");
        }
    }

    @Test
    void aDelayLetsEveryChunkThroughLate() throws IOException {
        proxy = FaultProxy.start("echo", 0, "127.0.0.1", startEchoServer(), FaultProxy.Framing.BYTES);
        proxy.inject(new Fault.Delay(Duration.ofMillis(200)));
        try (Line line = new Line(proxy.port())) {
            long start = System.nanoTime();
            assertThat(line.ask("slow")).isEqualTo("slow");
            // Once on the way there, once on the way back.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void injectedHttpErrorsAnswerRequestsWithoutPassingThemOnAndKeepTheConnectionUsable() throws Exception {
        proxy = FaultProxy.start("http", 0, "127.0.0.1", startHttpServer(), FaultProxy.Framing.HTTP);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://" + proxy.address() + "/");
        HttpRequest post = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"Orders\"}"))
                .build();
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("served 1");

        proxy.inject(Fault.HttpErrors.throttling(1.0));
        HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(refused.body()).contains("ThrottlingException");
        assertThat(httpRequestsServed).hasValue(1);

        proxy.heal();
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("served 2");
        assertThat(proxy.requestsAnsweredWithErrors()).isEqualTo(1);
    }

    @Test
    void aProxyThatDoesNotFrameHttpRefusesToInjectHttpErrors() {
        proxy = FaultProxy.start("bytes", 0, "127.0.0.1", 1, FaultProxy.Framing.BYTES);
        assertThatThrownBy(() -> proxy.inject(Fault.HttpErrors.throttling(0.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTheFaultsOfTheCommandLine() {
        assertThat(Fault.parse("blackhole")).isEqualTo(Fault.BLACKHOLE);
        assertThat(Fault.parse("delay=250")).isEqualTo(new Fault.Delay(Duration.ofMillis(250)));
        assertThat(Fault.parse("http-errors=0.5")).isEqualTo(Fault.HttpErrors.throttling(0.5));
        assertThatThrownBy(() -> Fault.parse("flood")).hasMessageContaining("unknown fault 'flood'");
    }

    private int startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(socket -> {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                received.add(line);
                out.println(line);
            }
        });
        return echo.getLocalPort();
    }

    /** Answers every request (head and a body of Content-Length) with "served N", keeping the connection. */
    private int startHttpServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serve(socket -> {
            FaultProxy.HttpRequestReader reader = new FaultProxy.HttpRequestReader(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (reader.next() != null) {
                byte[] body = ("served " + httpRequestsServed.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        });
        return echo.getLocalPort();
    }

    private void serve(Handler handler) {
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread connection = new Thread(() -> {
                        try (socket) {
                            handler.handle(socket);
                        } catch (IOException ignored) {
                            // The client went away.
                        }
                    });
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private interface Handler {
        void handle(Socket socket) throws IOException;
    }

    /** A line-based client connection. */
    private static final class Line implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final PrintWriter out;

        Line(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        String ask(String line) throws IOException {
            send(line);
            return read(Duration.ofSeconds(5));
        }

        void send(String line) {
            out.println(line);
        }

        String read(Duration timeout) throws IOException {
            socket.setSoTimeout((int) timeout.toMillis());
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
