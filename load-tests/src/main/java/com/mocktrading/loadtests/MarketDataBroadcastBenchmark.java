package com.mocktrading.loadtests;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.loadtests.support.LatencyRecorder;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the price broadcast of a running local system ({@code ./run-local.sh}, whose simulator publishes
 * {@code --simulator-rate} updates/s): N WebSocket clients, each subscribed to M random symbols, record the time
 * from each update's feed timestamp to its arrival. In the same run, as baselines: a plain Redis subscriber on the
 * same channels (feed timestamp to Redis delivery: everything before the WebSocket hop), and raw Redis PUBLISH to
 * subscriber round trips on an idle channel.
 *
 * <pre>./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.MarketDataBroadcastBenchmark \
 *   -Dexec.args="--clients=1000 --topics=10 --duration=30"</pre>
 */
public final class MarketDataBroadcastBenchmark {

    private static final CommandLine COMMAND = CommandLine.command(
                    "MarketDataBroadcastBenchmark [options]",
                    "Price fan-out latency to WebSocket clients, next to Redis Pub/Sub alone.")
            .option("clients", "N", "WebSocket clients", "1000")
            .option("topics", "N", "price topics per client", "10")
            .option("symbols", "N", "symbols of the universe to use", "1000")
            .option("warmup", "S", "seconds before measuring", "5")
            .option("duration", "S", "seconds measured", "30")
            .option("market-data", "URL", "market-data's WebSocket", "ws://127.0.0.1:8094")
            .option("data-dir", "DIR", "the local run's data (its dev issuer signs the tokens)", ".local-data")
            .stores(StoreOption.REDIS);

    private static final String FEED_TIMESTAMP = "\"feedTimestamp\":\"";

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        int clients = Integer.parseInt(options.get("clients"));
        int topics = Integer.parseInt(options.get("topics"));
        int symbols = Integer.parseInt(options.get("symbols"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        String marketData = options.get("market-data");
        String redisUri = options.get(StoreOption.REDIS);
        DevTokenIssuer issuer = DevTokenIssuer.loadOrCreate(Path.of(options.get("data-dir"), "dev-issuer"));
        List<String> universe =
                SymbolUniverse.of(symbols, 0).stream().map(Listing::symbol).toList();

        AtomicBoolean measuring = new AtomicBoolean();
        RedisClient redis = RedisClient.create(redisUri);
        LatencyRecorder viaRedis = new LatencyRecorder();
        LatencyRecorder rawPublish = new LatencyRecorder();
        AtomicLong feedMessages = new AtomicLong();
        StatefulRedisPubSubConnection<String, String> subscriber = redis.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                if (measuring.get()) {
                    feedMessages.incrementAndGet();
                    viaRedis.record(sinceFeed(message), true);
                }
            }

            @Override
            public void message(String channel, String message) {
                if (measuring.get()) {
                    rawPublish.record((System.nanoTime() - Long.parseLong(message)) / 1000, true);
                }
            }
        });
        subscriber.sync().psubscribe("prices:*");
        subscriber.sync().subscribe("bench:probe");

        System.out.printf(
                "broadcast benchmark: %d clients x %d topics of %d symbols, %d s (+%d s warm-up)%n",
                clients, topics, symbols, duration.toSeconds(), warmup.toSeconds());
        Random random = new Random(7);
        List<LatencyRecorder> recorders = Collections.synchronizedList(new ArrayList<>());
        List<WebSocketTestClient> sockets = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();
        for (int i = 0; i < clients; i++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            URI uri = URI.create(marketData + "/marketdata?access_token=" + issuer.issue("bench-ws-" + i));
            WebSocketTestClient socket = WebSocketTestClient.connect(uri, frame -> {
                if (measuring.get() && frame.startsWith("{\"type\":\"price_update\"")) {
                    delivered.incrementAndGet();
                    recorder.record(sinceFeed(frame), true);
                }
            });
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < topics) {
                String topic = "\"prices:" + universe.get(random.nextInt(universe.size())) + "\"";
                if (!chosen.contains(topic)) {
                    chosen.add(topic);
                }
            }
            socket.send("{\"type\":\"subscribe\",\"topics\":[" + String.join(",", chosen) + "]}");
            sockets.add(socket);
        }
        System.out.printf("%d clients connected and subscribed%n", sockets.size());

        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        try (var publisher = redis.connect()) {
            while (System.nanoTime() - start < duration.toNanos()) {
                publisher.sync().publish("bench:probe", Long.toString(System.nanoTime()));
                Thread.sleep(20);
            }
        }
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;

        LatencyRecorder viaWebSocket = new LatencyRecorder();
        recorders.forEach(viaWebSocket::addAll);
        sockets.forEach(WebSocketTestClient::close);
        subscriber.close();
        redis.shutdown();

        double feedRate = feedMessages.get() / seconds;
        double expected = feedRate * clients * topics / symbols;
        System.out.printf("feed into Redis (prices:*):        %8.0f updates/s%n", feedRate);
        System.out.printf(
                "delivered to WebSocket clients:    %8.0f frames/s (%.0f expected without conflation)%n",
                delivered.get() / seconds, expected);
        print("feed -> WebSocket client", viaWebSocket);
        print("feed -> Redis subscriber (baseline)", viaRedis);
        print("raw Redis PUBLISH -> subscriber", rawPublish);
        System.out.printf(
                "WebSocket hop adds: p50 %+.1f ms, p99 %+.1f ms over the Redis subscriber (ratio p50 %.2f, p99 %.2f)%n",
                viaWebSocket.percentileMillis(0.5) - viaRedis.percentileMillis(0.5),
                viaWebSocket.percentileMillis(0.99) - viaRedis.percentileMillis(0.99),
                viaWebSocket.percentileMillis(0.5) / viaRedis.percentileMillis(0.5),
                viaWebSocket.percentileMillis(0.99) / viaRedis.percentileMillis(0.99));
        System.exit(0);
    }

    /** Microseconds from the message's feed timestamp (millisecond precision) to now. */
    private static long sinceFeed(String json) {
        int at = json.indexOf(FEED_TIMESTAMP) + FEED_TIMESTAMP.length();
        Instant feed = Instant.parse(json.substring(at, json.indexOf('"', at)));
        Instant now = Instant.now();
        return Duration.between(feed, now).toNanos() / 1000;
    }

    private static void print(String path, LatencyRecorder latencies) {
        System.out.printf(
                "%-36s %8d samples  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                path,
                latencies.count(),
                latencies.percentileMillis(0.5),
                latencies.percentileMillis(0.99),
                latencies.percentileMillis(1.0));
    }
}
