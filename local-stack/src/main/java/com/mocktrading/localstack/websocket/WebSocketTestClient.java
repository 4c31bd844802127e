package com.mocktrading.localstack.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A WebSocket client for tests and benchmarks on the JDK's client. Frames are handed to a callback (or kept in
 * a queue to be awaited). Reading can be paused: the JDK client then stops reading the socket, so the server
 * sees a client that does not keep up, exactly like a stalled browser tab.
 */
public final class WebSocketTestClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Consumer<String> onFrame;
    private volatile boolean paused;
    private WebSocket socket;

    private WebSocketTestClient(Consumer<String> onFrame) {
        this.onFrame = onFrame;
    }

    /** Connects and keeps every frame for {@link #await}. */
    public static WebSocketTestClient connect(URI uri) {
        return connect(uri, null);
    }

    /** Connects and hands every frame to {@code onFrame} on the client's thread (not kept). */
    public static WebSocketTestClient connect(URI uri, Consumer<String> onFrame) {
        WebSocketTestClient client = new WebSocketTestClient(onFrame);
        client.socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client.new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Tries to connect; completes exceptionally when the handshake is refused (e.g. 401). */
    public static CompletableFuture<WebSocket> tryConnect(URI uri) {
        return HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {});
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Stops reading: no more frames are requested from the socket. */
    public void pause() {
        paused = true;
    }

    /** Reads again. */
    public void resume() {
        paused = false;
        socket.request(1);
    }

    /** The next frame matching {@code wanted}, skipping others; fails after {@code timeout}. */
    public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no matching frame within " + timeout);
            }
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** Every frame received so far and not yet awaited. */
    public List<String> drain() {
        List<String> drained = new ArrayList<>();
        frames.drainTo(drained);
        return drained;
    }

    /** The next frame within {@code timeout}, or null. */
    public String poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes with the close status code when the server closes the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (onFrame != null) {
                    onFrame.accept(frame);
                } else {
                    frames.add(frame);
                }
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
