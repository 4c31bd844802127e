package com.mocktrading.loadtests;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.loadtests.support.BenchmarkHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an answer of failure can be trusted, under load, through the gateway, from the first second of a fresh
 * local run: N new users each place a keyed order every 300 ms for a while, and afterwards every order their
 * order lists show must have been answered 202. Prints the answers by status and code, the orders queued without
 * a 202 (must be 0) and those still undecided; exits 1 if any order was queued behind a failure answer. Run it
 * right after {@code ./run-local.sh} reports the system up, to see the first minute served like the tenth.
 *
 * <pre>./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.KeyedOrderTruthCheck \
 *   -Dexec.args="--users=20 --duration=30"</pre>
 */
public final class KeyedOrderTruthCheck {

    private static final CommandLine COMMAND = CommandLine.command(
                    "KeyedOrderTruthCheck [options]",
                    "Retries keyed orders through the gateway and checks every answer against the order records.")
            .option("users", "N", "concurrent users", "20")
            .option("duration", "S", "seconds to run", "30")
            .option("gateway", "URL", "the API gateway", "http://127.0.0.1:8080");

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final BenchmarkHttp http = new BenchmarkHttp();
    private final String gateway;

    private KeyedOrderTruthCheck(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        int users = Integer.parseInt(options.get("users"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        KeyedOrderTruthCheck check = new KeyedOrderTruthCheck(options.get("gateway"));
        System.exit(check.run(users, duration) ? 0 : 1);
    }

    private boolean run(int users, Duration duration) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            tokens.add(token("truth-" + run + "-" + user));
        }
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Map<String, Set<String>> acceptedByToken = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            String token = tokens.get(user);
            String keyPrefix = run + "-" + user + "-";
            acceptedByToken.put(token, ConcurrentHashMap.newKeySet());
            clients.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String answer =
                            place(token, keyPrefix + i, i % 3 == 2 ? "SELL" : "BUY", acceptedByToken.get(token));
                    answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(300);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        Thread.sleep(5000); // outcomes of the last orders
        int listed = 0;
        int hidden = 0;
        int undecided = 0;
        for (String token : tokens) {
            String orders = get("/v1/orders?limit=100", token);
            for (String part : orders.split("\\{\"orderId\":\"")) {
                if (!part.contains("\"status\":")) {
                    continue;
                }
                listed++;
                String orderId = part.substring(0, part.indexOf('"'));
                if (!acceptedByToken.get(token).contains(orderId)) {
                    hidden++;
                }
                if (part.contains("\"status\":\"ACCEPTED\"")) {
                    undecided++;
                }
            }
        }
        System.out.println("answers: " + new TreeMap<>(answers));
        System.out.printf(
                "orders listed: %d, queued without a 202 answer: %d, still undecided after 5 s: %d%n",
                listed, hidden, undecided);
        return hidden == 0;
    }

    private String place(String token, String key, String side, Set<String> accepted) {
        try {
            HttpResponse<String> response = http.send(
                    BenchmarkHttp.post(
                                    gateway + "/v1/orders",
                                    "{\"symbol\":\"ACME\",\"side\":\"" + side + "\",\"quantity\":1}")
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", key),
                    Duration.ofSeconds(20));
            if (response.statusCode() == 202) {
                accepted.add(first(ORDER_ID, response.body()));
                return "202";
            }
            return response.statusCode() + " " + first(CODE, response.body());
        } catch (Exception e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    private String token(String userId) throws Exception {
        return first(
                TOKEN,
                http.send(
                                BenchmarkHttp.post(gateway + "/v1/dev/token", "{\"userId\":\"" + userId + "\"}"),
                                BenchmarkHttp.CALL_TIMEOUT)
                        .body());
    }

    private String get(String path, String token) throws Exception {
        return http.send(BenchmarkHttp.get(gateway + path, "Bearer " + token), BenchmarkHttp.CALL_TIMEOUT)
                .body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
