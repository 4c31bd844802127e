package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.persistence.BenchStores.JSON;
import static com.mocktrading.loadtests.support.BenchmarkHttp.CALL_TIMEOUT;
import static com.mocktrading.loadtests.support.BenchmarkHttp.abbreviate;
import static com.mocktrading.loadtests.support.BenchmarkHttp.delete;
import static com.mocktrading.loadtests.support.BenchmarkHttp.get;
import static com.mocktrading.loadtests.support.BenchmarkHttp.ok;
import static com.mocktrading.loadtests.support.BenchmarkHttp.post;
import static com.mocktrading.loadtests.support.Elapsed.secondsSince;

import com.fasterxml.jackson.databind.JsonNode;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baselines of the same run: each store's raw bulk-insert rate with the run's payloads, into a scratch index /
 * table with the real one's settings, removed afterwards, with as many requests in flight as the job's sinks keep.
 */
final class RawBaselines {

    static final int ES_BULK_DOCS = 1_000;
    static final Duration BULK_TIMEOUT = Duration.ofSeconds(120);
    private static final int CLICKHOUSE_INSERT_ROWS = 10_000;
    /** The job's sinks keep two requests per writer outstanding (SinkSettings), so the baselines do too. */
    private static final int IN_FLIGHT = 2;

    /** Rows per request, sent with {@link #IN_FLIGHT} requests outstanding. */
    private interface Upload {
        void send(byte[] body) throws Exception;
    }

    private final BenchTrades trades;
    private final BenchStores stores;

    RawBaselines(BenchTrades trades, BenchStores stores) {
        this.trades = trades;
        this.stores = stores;
    }

    /**
     * Docs/s of {@code _bulk} into a scratch index with the template's settings and mappings, up to searchable
     * (a final refresh), since the job's figure is up to documents being counted.
     */
    double elasticsearch(int raw) throws Exception {
        System.out.printf(
                "baseline: Elasticsearch _bulk of %d docs (%d per request, %d in flight) ...%n",
                raw, ES_BULK_DOCS, IN_FLIGHT);
        String base = stores.elasticsearch();
        String index = "bench-raw-" + trades.run();
        createRawIndex(index);
        try {
            List<byte[]> bodies = new ArrayList<>();
            for (int from = 0; from < raw; from += ES_BULK_DOCS) {
                StringBuilder ndjson = new StringBuilder(ES_BULK_DOCS * 400);
                for (int i = from; i < Math.min(raw, from + ES_BULK_DOCS); i++) {
                    EventEnvelope<TradeExecutedPayload> event = trades.trade(i);
                    ndjson.append("{\"index\":{\"_id\":")
                            .append(JSON.writeValueAsString(event.eventId()))
                            .append("}}\n")
                            .append(TradeHistory.document(event))
                            .append('\n');
                }
                bodies.add(ndjson.toString().getBytes(StandardCharsets.UTF_8));
            }
            // filter_path: only errors come back, so the client does not parse a thousand item results per request
            URI bulk = URI.create(base + "/" + index + "/_bulk?filter_path=errors,items.*.error");
            long start = System.nanoTime();
            inFlight(bodies, body -> {
                HttpResponse<String> response = stores.http()
                        .send(
                                HttpRequest.newBuilder(bulk)
                                        .header("Content-Type", "application/x-ndjson")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                                BULK_TIMEOUT);
                if (JSON.readTree(ok(response, "Elasticsearch _bulk"))
                        .path("errors")
                        .asBoolean()) {
                    throw new IllegalStateException("bulk item errors: " + abbreviate(response.body()));
                }
            });
            ok(stores.http().send(post(base + "/" + index + "/_refresh", ""), BULK_TIMEOUT), "Elasticsearch _refresh");
            double seconds = secondsSince(start);
            long stored = JSON.readTree(
                            ok(stores.http().send(get(base + "/" + index + "/_count", null), CALL_TIMEOUT), "count"))
                    .path("count")
                    .asLong();
            if (stored != raw) {
                System.out.printf("  warning: %s holds %d of %d docs%n", index, stored, raw);
            }
            return raw / seconds;
        } finally {
            ScratchPipeline.cleanUp(
                    "index " + index, () -> stores.http().send(delete(base + "/" + index), CALL_TIMEOUT));
        }
    }

    /** The scratch index gets the trades template's settings and strict mappings, so the documents cost the same. */
    private void createRawIndex(String index) throws Exception {
        String base = stores.elasticsearch();
        JsonNode templates = JSON.readTree(ok(
                stores.http().send(get(base + "/_index_template/trading_trades", null), CALL_TIMEOUT),
                "Elasticsearch index template trading_trades (installed by schema-bootstrap)"));
        JsonNode template =
                templates.path("index_templates").path(0).path("index_template").path("template");
        if (template.isMissingNode()) {
            throw new IllegalStateException("index template trading_trades has no template section: " + templates);
        }
        ok(
                stores.http()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/" + index))
                                        .header("Content-Type", "application/json")
                                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(template))),
                                CALL_TIMEOUT),
                "create index " + index);
    }

    /** Rows/s of JSONEachRow inserts into a scratch copy of trading_trades (same engine and sorting key). */
    double clickHouse(int raw) throws Exception {
        System.out.printf(
                "baseline: ClickHouse INSERT of %d rows (%d per insert, %d in flight) ...%n",
                raw, CLICKHOUSE_INSERT_ROWS, IN_FLIGHT);
        String table = "bench_raw_" + trades.run();
        stores.clickHouseSql("CREATE TABLE " + table + " AS " + TradeHistory.TABLE);
        try {
            List<byte[]> bodies = new ArrayList<>();
            for (int from = 0; from < raw; from += CLICKHOUSE_INSERT_ROWS) {
                StringBuilder rows = new StringBuilder(CLICKHOUSE_INSERT_ROWS * 300);
                for (int i = from; i < Math.min(raw, from + CLICKHOUSE_INSERT_ROWS); i++) {
                    rows.append(TradeHistory.clickHouseRow(trades.trade(i))).append('\n');
                }
                bodies.add(rows.toString().getBytes(StandardCharsets.UTF_8));
            }
            // 18.16: the format goes in the SQL text, the body stays uncompressed.
            URI insert = URI.create(stores.clickHouse() + "/?query="
                    + URLEncoder.encode("INSERT INTO " + table + " FORMAT JSONEachRow", StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            long start = System.nanoTime();
            inFlight(
                    bodies,
                    body -> ok(
                            stores.http()
                                    .send(
                                            HttpRequest.newBuilder(insert)
                                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                                            BULK_TIMEOUT),
                            "ClickHouse INSERT"));
            double seconds = secondsSince(start);
            long stored = Long.parseLong(stores.clickHouseSql("SELECT count() FROM " + table + " FORMAT TabSeparated")
                    .trim());
            if (stored != raw) {
                System.out.printf("  warning: %s holds %d of %d rows%n", table, stored, raw);
            }
            return raw / seconds;
        } finally {
            ScratchPipeline.cleanUp("table " + table, () -> stores.clickHouseSql("DROP TABLE IF EXISTS " + table));
        }
    }

    /** Sends the bodies in order with {@link #IN_FLIGHT} requests outstanding; the first failure fails the baseline. */
    private static void inFlight(List<byte[]> bodies, Upload upload) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < IN_FLIGHT; t++) {
                workers.add(senders.submit(() -> {
                    for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
                        upload.send(bodies.get(b));
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }
}
