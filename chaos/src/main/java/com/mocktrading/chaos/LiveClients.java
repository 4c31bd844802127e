package com.mocktrading.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Users holding the market-data WebSocket through the gateway, subscribed to the prices they trade and to their
 * own order updates, reconnecting with backoff whenever the connection ends, as a browser tab would.
 */
final class LiveClients implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<LiveClient> clients = new ArrayList<>();

    LiveClients(String socketUrl, List<OrderClient.User> users, List<String> symbols) {
        String topics =
                symbols.stream().map(symbol -> "\"prices:" + symbol + "\"").collect(Collectors.joining(","));
        String subscribe = "{\"type\":\"subscribe\",\"topics\":[" + topics + ",\"orders\"]}";
        for (OrderClient.User user : users) {
            clients.add(new LiveClient(URI.create(socketUrl + "?access_token=" + user.token()), subscribe, user));
        }
    }

    void start() {
        clients.forEach(LiveClient::start);
    }

    List<LiveClient> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        clients.forEach(LiveClient::close);
    }

    /** One user's connection, reconnected until closed. */
    static final class LiveClient {
        private final URI uri;
        private final String subscribe;
        private final OrderClient.User user;
        private final Set<String> orderUpdates = ConcurrentHashMap.newKeySet();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicLong lastPriceNanos = new AtomicLong();
        private volatile boolean closed;
        private volatile WebSocketTestClient socket;
        private Thread thread;

        LiveClient(URI uri, String subscribe, OrderClient.User user) {
            this.uri = uri;
            this.subscribe = subscribe;
            this.user = user;
        }

        void start() {
            thread = new Thread(this::stayConnected, "chaos-live-" + user.id());
            thread.setDaemon(true);
            thread.start();
        }

        OrderClient.User user() {
            return user;
        }

        /** Order ids of every order_update received. */
        Set<String> orderUpdates() {
            return Set.copyOf(orderUpdates);
        }

        /** How many times the connection was opened (1 if it never broke). */
        int connections() {
            return connections.get();
        }

        /** When the last price frame arrived ({@link System#nanoTime}), 0 if none did. */
        long lastPriceNanos() {
            return lastPriceNanos.get();
        }

        private void stayConnected() {
            long backoff = 250;
            while (!closed) {
                try {
                    WebSocketTestClient connected = WebSocketTestClient.connect(uri, this::onFrame);
                    socket = connected;
                    connections.incrementAndGet();
                    connected.send(subscribe);
                    backoff = 250;
                    connected.closed().handle((code, error) -> null).join();
                } catch (RuntimeException refused) {
                    // The gateway or the service is down: try again shortly, as a page would.
                }
                sleep(backoff);
                backoff = Math.min(5000, backoff * 2);
            }
        }

        private void onFrame(String frame) {
            try {
                JsonNode json = JSON.readTree(frame);
                String type = json.path("type").asText();
                if ("price".equals(type) || json.path("topic").asText().startsWith("prices:")) {
                    lastPriceNanos.set(System.nanoTime());
                } else if ("order_update".equals(type)) {
                    orderUpdates.add(json.path("payload").path("orderId").asText());
                }
            } catch (IOException notJson) {
                // Not ours to judge here: the service's own tests cover its frames.
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            closed = true;
            WebSocketTestClient current = socket;
            if (current != null) {
                current.close();
            }
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
