package com.mocktrading.loadtests;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.loadtests.support.BenchmarkHttp;
import com.mocktrading.loadtests.support.LatencyRecorder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives {@code POST /orders} and {@code GET /portfolio/{userId}} of a running local system with a closed
 * loop of concurrent clients and prints latency percentiles and throughput per operation, next to the same
 * figures for the services' liveness probe (the HTTP stack without any store) as the baseline of this run.
 *
 * <pre>./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.OrderAndPortfolioBenchmark \
 *   -Dexec.args="--concurrency=16 --duration=30"</pre>
 */
public final class OrderAndPortfolioBenchmark {

    private static final CommandLine COMMAND = CommandLine.command(
                    "OrderAndPortfolioBenchmark [options]",
                    "POST /orders and GET /portfolio latency under load, next to the services' liveness probe.")
            .option("order-url", "URL", "order-service", "http://127.0.0.1:8091")
            .option("portfolio-url", "URL", "portfolio-service", "http://127.0.0.1:8092")
            .option("users", "N", "users placing orders", "200")
            .option("symbols", "N", "symbols traded", "50")
            .option("concurrency", "N", "clients at once", "16")
            .option("warmup", "S", "seconds before measuring", "10")
            .option("duration", "S", "seconds measured", "30")
            .option("data-dir", "DIR", "the local run's data (its dev issuer signs the tokens)", ".local-data")
            .stores(StoreOption.REDIS);

    private final CommandLine.Arguments options;
    private final BenchmarkHttp http = new BenchmarkHttp();

    private OrderAndPortfolioBenchmark(CommandLine.Arguments options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new OrderAndPortfolioBenchmark(COMMAND.parseOrExit(args)).run();
    }

    private void run() throws Exception {
        String orders = options.get("order-url");
        String portfolios = options.get("portfolio-url");
        int users = Integer.parseInt(options.get("users"));
        int symbols = Integer.parseInt(options.get("symbols"));
        int concurrency = Integer.parseInt(options.get("concurrency"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        DevTokenIssuer issuer = DevTokenIssuer.loadOrCreate(Path.of(options.get("data-dir"), "dev-issuer"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            tokens.add(issuer.issue("bench-user-" + i));
        }

        refuseToRunWithTokensTheServicesDoNotTrust(portfolios, tokens.get(0));

        RedisClient redis = RedisClient.create(options.get(StoreOption.REDIS));
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            PriceCache prices = new PriceCache(() -> connection);
            refreshPrices(prices, symbols);
            System.out.printf(
                    "benchmark: %d clients, %d users, %d symbols, warm-up %d s, measured %d s%n",
                    concurrency, users, symbols, warmup.toSeconds(), duration.toSeconds());
            drive(orders, portfolios, tokens, symbols, concurrency, warmup, prices);
            Map<String, LatencyRecorder> measured =
                    drive(orders, portfolios, tokens, symbols, concurrency, duration, prices);
            report(measured, duration);
        } finally {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private Map<String, LatencyRecorder> drive(
            String orders,
            String portfolios,
            List<String> tokens,
            int symbols,
            int concurrency,
            Duration duration,
            PriceCache prices)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Map<String, LatencyRecorder>>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients.add(pool.submit(() -> client(orders, portfolios, tokens, symbols, client, concurrency, end)));
        }
        while (System.nanoTime() < end) {
            Thread.sleep(2000);
            refreshPrices(prices, symbols); // keeps prices fresh, as the simulator would
        }
        Map<String, LatencyRecorder> merged = new HashMap<>();
        for (Future<Map<String, LatencyRecorder>> client : clients) {
            client.get().forEach((op, recorder) -> merged.computeIfAbsent(op, key -> new LatencyRecorder())
                    .addAll(recorder));
        }
        pool.shutdown();
        return merged;
    }

    private Map<String, LatencyRecorder> client(
            String orders, String portfolios, List<String> tokens, int symbols, int client, int concurrency, long end) {
        Map<String, LatencyRecorder> recorders = Map.of(
                "POST /orders", new LatencyRecorder(),
                "GET /portfolio/{userId}", new LatencyRecorder(),
                "baseline: GET liveness", new LatencyRecorder());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = client; System.nanoTime() < end; i += concurrency) {
            int user = i % tokens.size();
            String bearer = "Bearer " + tokens.get(user);
            String order = "{\"symbol\":\"BENCH" + random.nextInt(symbols) + "\",\"side\":\"BUY\",\"quantity\":1}";
            time(
                    recorders.get("POST /orders"),
                    202,
                    BenchmarkHttp.post(orders + "/orders", order).header("Authorization", bearer));
            time(
                    recorders.get("GET /portfolio/{userId}"),
                    200,
                    BenchmarkHttp.get(portfolios + "/portfolio/bench-user-" + user, bearer));
            if (i % 4 == 0) {
                time(
                        recorders.get("baseline: GET liveness"),
                        200,
                        BenchmarkHttp.get(orders + "/actuator/health/liveness", null));
            }
        }
        return recorders;
    }

    /** Tokens signed with another run's key would make every call an "error": say so instead of measuring that. */
    private void refuseToRunWithTokensTheServicesDoNotTrust(String portfolios, String token) throws Exception {
        int status = http.send(
                        BenchmarkHttp.get(portfolios + "/portfolio/bench-user-0", "Bearer " + token),
                        BenchmarkHttp.CALL_TIMEOUT)
                .statusCode();
        if (status == 401) {
            System.err.println("the services refused the benchmark's tokens: pass the local run's data directory,"
                    + " --data-dir=" + options.get("data-dir") + " is not it");
            System.exit(2);
        }
    }

    private void time(LatencyRecorder recorder, int expected, HttpRequest.Builder request) {
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = http.send(request, BenchmarkHttp.CALL_TIMEOUT).statusCode() == expected;
        } catch (Exception e) {
            ok = false;
        }
        recorder.record((System.nanoTime() - start) / 1000, ok);
    }

    private static void refreshPrices(PriceCache prices, int symbols) {
        Instant now = Instant.now();
        for (int s = 0; s < symbols; s++) {
            prices.update(new LatestPrice("BENCH" + s, new BigDecimal("100.00").add(BigDecimal.valueOf(s)), now));
        }
    }

    private static void report(Map<String, LatencyRecorder> results, Duration duration) {
        System.out.printf(
                "%-26s %8s %7s %10s %8s %8s %8s %8s%n",
                "operation", "calls", "errors", "calls/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        LatencyRecorder baseline = results.get("baseline: GET liveness");
        for (String op : List.of("POST /orders", "GET /portfolio/{userId}", "baseline: GET liveness")) {
            LatencyRecorder r = results.get(op);
            System.out.printf(
                    "%-26s %8d %7d %10.1f %8.2f %8.2f %8.2f %8.2f%n",
                    op,
                    r.count(),
                    r.errors(),
                    r.count() / (double) duration.toSeconds(),
                    r.percentileMillis(0.5),
                    r.percentileMillis(0.9),
                    r.percentileMillis(0.99),
                    r.percentileMillis(1.0));
        }
        for (String op : List.of("POST /orders", "GET /portfolio/{userId}")) {
            System.out.printf(
                    "%s p50 / baseline p50: %.1fx, p99 / baseline p99: %.1fx%n",
                    op,
                    results.get(op).percentileMillis(0.5) / baseline.percentileMillis(0.5),
                    results.get(op).percentileMillis(0.99) / baseline.percentileMillis(0.99));
        }
    }
}
