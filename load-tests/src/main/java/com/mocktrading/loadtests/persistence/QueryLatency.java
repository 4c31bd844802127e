package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.persistence.BenchStores.JSON;
import static com.mocktrading.loadtests.support.BenchmarkHttp.CALL_TIMEOUT;
import static com.mocktrading.loadtests.support.BenchmarkHttp.abbreviate;
import static com.mocktrading.loadtests.support.BenchmarkHttp.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.loadtests.support.BenchmarkHttp;
import com.mocktrading.loadtests.support.LatencyRecorder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The read side: latency of {@code GET /trades/search} and {@code GET /analytics/volume} through query-service
 * with the bench users' dev tokens, next to its liveness probe (the HTTP stack without any store) as the floor.
 */
final class QueryLatency {

    static final String HISTORY = "GET /trades/search (page 1)";
    static final String HISTORY_NEXT = "GET /trades/search (cursor)";
    static final String VOLUME = "GET /analytics/volume 24h 5m";
    static final String VOLUME_ALL = "GET /analytics/volume 7d 1h all";
    static final String LIVENESS = "floor: GET liveness";

    private final BenchTrades trades;
    private final BenchmarkHttp http;
    private final String queryService;
    private final DevTokenIssuer issuer;

    QueryLatency(BenchTrades trades, BenchmarkHttp http, String queryService, DevTokenIssuer issuer) {
        this.trades = trades;
        this.http = http;
        this.queryService = queryService;
        this.issuer = issuer;
    }

    /**
     * One client, one call at a time (latency, not load): per round a history page of a random bench user (and
     * for every other round its next page), a volume report, and the liveness floor, so all kinds see the same
     * conditions. The first rounds warm up the JIT and connection pools and are not recorded.
     */
    Map<String, LatencyRecorder> measure(int queries, int warmup) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        Map<String, LatencyRecorder> recorders = new LinkedHashMap<>();
        for (String kind : List.of(HISTORY, HISTORY_NEXT, VOLUME, VOLUME_ALL, LIVENESS)) {
            recorders.put(kind, new LatencyRecorder());
        }
        Map<String, String> firstErrors = new LinkedHashMap<>();
        Random random = new Random(trades.seed());
        System.out.printf("queries: %d rounds through %s (+%d warm-up)%n", queries, queryService, warmup);
        for (int round = -warmup; round < queries; round++) {
            Map<String, LatencyRecorder> into = round < 0 ? new HashMap<>() : recorders;
            String user = trades.user(random.nextInt(trades.users()));
            String bearer = "Bearer " + tokens.computeIfAbsent(user, issuer::issue);

            HttpResponse<String> page =
                    timed(HISTORY, into, firstErrors, get(queryService + "/trades/search?size=50", bearer));
            if (round % 2 == 0 && page != null && page.statusCode() == 200) {
                JsonNode cursor = JSON.readTree(page.body()).path("nextCursor");
                if (cursor.isTextual()) {
                    timed(
                            HISTORY_NEXT,
                            into,
                            firstErrors,
                            get(
                                    queryService + "/trades/search?size=50&cursor="
                                            + URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8),
                                    bearer));
                }
            }

            boolean allSymbols = Math.floorMod(round, 10) == 0;
            String volume = allSymbols
                    ? "timeWindow=7d&interval=1h"
                    : "symbol=" + trades.symbol(random.nextInt(trades.symbols())) + "&timeWindow=24h&interval=5m";
            timed(
                    allSymbols ? VOLUME_ALL : VOLUME,
                    into,
                    firstErrors,
                    get(queryService + "/analytics/volume?" + volume, bearer));

            timed(LIVENESS, into, firstErrors, get(queryService + "/actuator/health/liveness", null));
        }

        System.out.printf("%-34s %7s %7s %9s %9s %9s%n", "query", "ok", "errors", "p50 ms", "p99 ms", "max ms");
        recorders.forEach((kind, r) -> System.out.printf(
                "%-34s %7d %7d %9.2f %9.2f %9.2f%n",
                kind,
                r.count(),
                r.errors(),
                r.percentileMillis(0.5),
                r.percentileMillis(0.99),
                r.percentileMillis(1.0)));
        firstErrors.forEach((kind, error) -> System.out.printf("first error of %s: %s%n", kind, error));
        return recorders;
    }

    /** Records the call's latency under {@code kind} (only a 200 counts as ok); null if it threw. */
    private HttpResponse<String> timed(
            String kind,
            Map<String, LatencyRecorder> into,
            Map<String, String> firstErrors,
            HttpRequest.Builder request) {
        long start = System.nanoTime();
        HttpResponse<String> response = null;
        String error;
        try {
            response = http.send(request, CALL_TIMEOUT);
            error = response.statusCode() == 200
                    ? null
                    : "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
        } catch (Exception e) {
            error = e.toString();
        }
        long micros = (System.nanoTime() - start) / 1000;
        LatencyRecorder recorder = into.get(kind);
        if (recorder != null) {
            recorder.record(micros, error == null);
            if (error != null) {
                firstErrors.putIfAbsent(kind, error);
            }
        }
        return response;
    }
}
