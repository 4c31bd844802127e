package com.mocktrading.chaos;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users placing buys and sells through the gateway for a while, concurrently, keyed and unkeyed, each client
 * retrying as {@link OrderClient} does; what every client saw is kept for the report.
 */
final class Workload {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String gateway;
    private final WorkloadShape shape;
    private final List<OrderClient.User> users;
    private final OrderClient.User hotUser;
    private final List<String> symbols;
    private final Availability availability = new Availability();
    private final Map<String, AtomicLong> answers = OrderClient.answerCounts();
    private final HttpClient http = OrderClient.sharedHttp();
    private final Queue<PlacedOrder> placed = new ConcurrentLinkedQueue<>();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong endNanos = new AtomicLong();
    private ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    Workload(
            String gateway,
            WorkloadShape shape,
            List<OrderClient.User> users,
            OrderClient.User hotUser,
            List<String> symbols) {
        this.gateway = gateway;
        this.shape = shape;
        this.users = List.copyOf(users);
        this.hotUser = hotUser;
        this.symbols = List.copyOf(symbols);
    }

    /** Starts every client; they place orders until {@link #stopAt}. */
    void start() {
        endNanos.set(Long.MAX_VALUE);
        int threads = users.size() + shape.hotUserClients();
        clients = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "chaos-client");
            thread.setDaemon(true);
            return thread;
        });
        for (OrderClient.User user : users) {
            running.add(clients.submit(() -> placeOrders(user.id(), user)));
        }
        for (int i = 0; i < shape.hotUserClients(); i++) {
            String client = hotUser.id() + "#" + i;
            running.add(clients.submit(() -> placeOrders(client, hotUser)));
        }
    }

    /** The clients place their last orders at {@code nanos} ({@link System#nanoTime}). */
    void stopAt(long nanos) {
        endNanos.set(nanos);
    }

    /** Waits for every client to finish its last order (its retries included). */
    void awaitEnd() throws Exception {
        for (Future<?> client : running) {
            client.get(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
        }
        clients.shutdown();
    }

    List<PlacedOrder> placed() {
        return List.copyOf(placed);
    }

    Map<String, AtomicLong> answers() {
        return answers;
    }

    Availability availability() {
        return availability;
    }

    private Void placeOrders(String client, OrderClient.User user) throws Exception {
        OrderClient orders = new OrderClient(http, gateway, shape.requestTimeout(), PATIENCE, availability, answers);
        ExecutorService senders =
                shape.sendersPerKey() > 1 ? Executors.newFixedThreadPool(shape.sendersPerKey()) : null;
        List<OrderClient> duplicates = new ArrayList<>();
        for (int i = 1; i < shape.sendersPerKey(); i++) {
            duplicates.add(new OrderClient(http, gateway, shape.requestTimeout(), PATIENCE, availability, answers));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // What this client believes its user holds (its accepted buys less its accepted sells): it sells from it.
        Map<String, Integer> held = new HashMap<>();
        try {
            while (System.nanoTime() < endNanos.get()) {
                List<String> owned = held.entrySet().stream()
                        .filter(entry -> entry.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .toList();
                boolean sell = !owned.isEmpty() && random.nextDouble() < 0.35;
                String symbol =
                        sell ? owned.get(random.nextInt(owned.size())) : symbols.get(random.nextInt(symbols.size()));
                String side = sell ? "SELL" : "BUY";
                int quantity = sell ? 1 + random.nextInt(held.get(symbol)) : 1 + random.nextInt(5);
                String key =
                        random.nextDouble() < shape.keyedFraction() ? user.id() + "-" + keys.incrementAndGet() : null;
                PlacedOrder first;
                if (senders == null) {
                    first = orders.place(client, user, key, symbol, side, quantity);
                    placed.add(first);
                } else {
                    // The same keyed order from several connections at once, as a client with retries in
                    // several places (a proxy, a library, a user clicking twice) sends it.
                    List<Future<PlacedOrder>> copies = new ArrayList<>();
                    copies.add(senders.submit(() -> orders.place(client, user, key, symbol, side, quantity)));
                    for (OrderClient duplicate : duplicates) {
                        copies.add(senders.submit(() -> duplicate.place(client, user, key, symbol, side, quantity)));
                    }
                    for (Future<PlacedOrder> copy : copies) {
                        placed.add(copy.get());
                    }
                    first = copies.get(0).get();
                }
                if (first.accepted()) {
                    held.merge(symbol, sell ? -quantity : quantity, Integer::sum);
                }
                Thread.sleep(20 + random.nextInt(80));
            }
        } finally {
            if (senders != null) {
                senders.shutdownNow();
            }
        }
        return null;
    }
}
