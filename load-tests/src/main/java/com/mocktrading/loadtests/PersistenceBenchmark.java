package com.mocktrading.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.flink.FlinkJarJob;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the persistence path of a running local system ({@code ./run-local.sh}): trade outcomes produced
 * straight into {@code trade_executed} (as the execution job would), and the rate at which the persistence job
 * makes them complete in Elasticsearch (searchable, counted by {@code _count}) and in ClickHouse (counted by
 * {@code uniqExact(event_id)}), from the first send until the store holds every trade of the run. As baselines of
 * the same run, each store's raw bulk-insert rate with the same payloads, into a scratch index / table that is
 * removed afterwards. Then the read side: latency of {@code GET /trades/search} and {@code GET
 * /analytics/volume} through query-service with the bench users' dev tokens, next to its liveness probe (the HTTP
 * stack without any store) as the floor.
 *
 * <p>The seeded trades (users {@code bench-<run>-u<i>}, symbols {@code BX<run><i>}) go to a scratch copy of
 * {@code trade_executed}, read by a second instance of the persistence job submitted to the local cluster for the
 * run; afterwards the job and the topic are removed and the run's trades deleted from both stores, so the
 * consistency check has nothing to excuse. Pass the local run's {@code --data-dir} (its dev issuer signs the
 * query tokens).
 *
 * <pre>./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.PersistenceBenchmark \
 *   -Dexec.args="--trades=1000000"</pre>
 *
 * <p>Options (defaults): {@code --trades=1000000 --users=1000 --symbols=100 --days=7 --queries=300
 * --warmup-queries=20 --raw=100000 --timeout=900} (seconds to wait for the stores), {@code --compression=lz4},
 * {@code --kafka=127.0.0.1:9092 --elasticsearch=http://127.0.0.1:9200 --clickhouse=http://127.0.0.1:8123
 * --query-service=http://127.0.0.1:8093 --flink=http://127.0.0.1:8081 --data-dir=.local-data}, and {@code
 * --job-jar=} (the persistence job's shaded jar, built in this checkout by default).
 */
public final class PersistenceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ExecutionStatus> FAILURES = List.of(
            ExecutionStatus.FAILED_INSUFFICIENT_FUNDS,
            ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
            ExecutionStatus.FAILED_PRICE_UNAVAILABLE);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BULK_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int ES_BULK_DOCS = 1_000;
    private static final int CLICKHOUSE_INSERT_ROWS = 10_000;
    /** The job's sinks keep two requests per writer outstanding (SinkSettings), so the baselines do too. */
    private static final int IN_FLIGHT = 2;

    private static final String HISTORY = "GET /trades/search (page 1)";
    private static final String HISTORY_NEXT = "GET /trades/search (cursor)";
    private static final String VOLUME = "GET /analytics/volume 24h 5m";
    private static final String VOLUME_ALL = "GET /analytics/volume 7d 1h all";
    private static final String LIVENESS = "floor: GET liveness";

    private final Map<String, String> options;
    // HTTP/1.1: the stores speak it anyway, and no h2c upgrade attempt rides on the first request.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String userPrefix = "bench-" + run + "-";
    /** The run's own copy of trade_executed: Kafka cannot forget records, so synthetic ones never go to the real one. */
    private final String scratchTopic = Topics.TRADE_EXECUTED.name() + ".bench-" + run;

    private final long seed = new Random().nextLong();
    private final Instant seededAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final int trades;
    private final int users;
    private final int symbols;
    private final long windowMillis;
    private final String elasticsearch;
    private final String clickHouse;
    private final String queryService;

    private PersistenceBenchmark(Map<String, String> options) {
        this.options = options;
        this.trades = Integer.parseInt(option("trades", "1000000"));
        this.users = Integer.parseInt(option("users", "1000"));
        this.symbols = Integer.parseInt(option("symbols", "100"));
        this.windowMillis = Long.parseLong(option("days", "7")) * DAY_MILLIS;
        this.elasticsearch = option("elasticsearch", "http://127.0.0.1:9200");
        this.clickHouse = option("clickhouse", "http://127.0.0.1:8123");
        this.queryService = option("query-service", "http://127.0.0.1:8093");
        if (trades < 1 || users < 1 || symbols < 1 || symbols > 1_000_000 || windowMillis < 1) {
            // "BX" + 2 run characters + at most 6 digits keeps symbols within the contract's 10 characters
            throw new IllegalArgumentException("need trades, users, days >= 1 and 1 <= symbols <= 1000000");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new PersistenceBenchmark(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        int raw = Integer.parseInt(option("raw", "100000"));
        System.out.printf(
                "persistence benchmark, run %s: %d trades, %d users, %d symbols over the last %d days,"
                        + " baselines of %d rows, %s queries per kind%n",
                run, trades, users, symbols, windowMillis / DAY_MILLIS, raw, option("queries", "300"));
        preflight();
        ScratchPipeline pipeline = new ScratchPipeline();
        try {
            pipeline.start();
            measure(raw);
        } finally {
            pipeline.stop();
        }
    }

    private void measure(int raw) throws Exception {
        SinkResult sinks = seedAndAwaitStores();

        System.out.printf(
                "baseline: Elasticsearch _bulk of %d docs (%d per request, %d in flight) ...%n",
                raw, ES_BULK_DOCS, IN_FLIGHT);
        double elasticsearchRaw = elasticsearchRawRate(raw);
        System.out.printf(
                "  %.0f docs/s; job / raw: %.2f%n",
                elasticsearchRaw, sinks.elasticsearch().rate() / elasticsearchRaw);
        System.out.printf(
                "baseline: ClickHouse INSERT of %d rows (%d per insert, %d in flight) ...%n",
                raw, CLICKHOUSE_INSERT_ROWS, IN_FLIGHT);
        double clickHouseRaw = clickHouseRawRate(raw);
        System.out.printf(
                "  %.0f rows/s; job / raw: %.2f%n",
                clickHouseRaw, sinks.clickHouse().rate() / clickHouseRaw);

        Map<String, LatencyRecorder> latencies = queries();

        summary(sinks, elasticsearchRaw, clickHouseRaw, latencies);
    }

    /** Fails before a million events are produced into a system that could not be measured. */
    private void preflight() throws Exception {
        elasticsearchCount();
        clickHouseCount();
        ok(send(get(queryService + "/actuator/health/liveness", null), CALL_TIMEOUT), "query-service liveness");
        System.out.println("Elasticsearch, ClickHouse and query-service answer");
    }

    // ---- seeding and sink throughput -------------------------------------------------------------------------

    private record Produced(long acked, long failed, double seconds) {}

    private record SinkResult(Produced produced, StoreProgress elasticsearch, StoreProgress clickHouse) {}

    /** Produces the run's trades on a thread of its own while this one watches both stores fill up. */
    private SinkResult seedAndAwaitStores() throws Exception {
        Duration timeout = Duration.ofSeconds(Long.parseLong(option("timeout", "900")));
        StoreProgress es = new StoreProgress("Elasticsearch", this::elasticsearchCount);
        StoreProgress ch = new StoreProgress("ClickHouse", this::clickHouseCount);
        AtomicLong sent = new AtomicLong();
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            // The clock starts at the first send, not at the producer's construction.
            long start = System.nanoTime();
            Future<Produced> producing = producerThread.submit(() -> produce(producer, start, sent));
            return awaitStores(producing, start, sent, es, ch, timeout);
        } finally {
            producerThread.shutdown();
        }
    }

    private SinkResult awaitStores(
            Future<Produced> producing,
            long start,
            AtomicLong sent,
            StoreProgress es,
            StoreProgress ch,
            Duration timeout)
            throws Exception {
        Produced produced = null;
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        long deadline = start + timeout.toNanos();
        while (!(es.complete() && ch.complete()) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_EVERY.toMillis());
            if (produced == null && producing.isDone()) {
                produced = printed(producing.get()); // rethrows if the producer failed
            }
            // Until the producer is done every trade is expected; afterwards only those Kafka acknowledged.
            long expected = produced == null ? trades : produced.acked();
            es.poll(expected, start);
            ch.poll(expected, start);
            if (System.nanoTime() >= nextProgress) {
                nextProgress += PROGRESS_EVERY.toNanos();
                System.out.printf(
                        "%5.0f s: sent %d, %s, %s%n", seconds(start), sent.get(), es.progress(), ch.progress());
            }
        }
        if (produced == null) {
            // Stores done or time up while sends are still pending: those fail within the delivery timeout (120 s).
            produced = printed(producing.get(3, TimeUnit.MINUTES));
        }
        for (StoreProgress store : List.of(es, ch)) {
            System.out.println(
                    store.complete()
                            ? String.format(
                                    "job -> %s: all %d trades after %.1f s = %.0f events/s",
                                    store.name(), store.reached(), store.completeAfter(), store.rate())
                            : String.format(
                                    "job -> %s: TIMED OUT after %d s with %d of %d trades (%.0f events/s so far)%s",
                                    store.name(),
                                    timeout.toSeconds(),
                                    store.reached(),
                                    produced.acked(),
                                    store.rate(),
                                    store.lastError() == null ? "" : "; last poll error: " + store.lastError()));
        }
        return new SinkResult(produced, es, ch);
    }

    private static Produced printed(Produced produced) {
        System.out.printf(
                "producer: %d events acknowledged in %.1f s = %.0f events/s (%d failed sends)%n",
                produced.acked(), produced.seconds(), produced.acked() / produced.seconds(), produced.failed());
        return produced;
    }

    /** Batches generously (the figure of interest is the job's, not the producer's), yet acks=all as in production. */
    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                option("kafka", "127.0.0.1:9092"),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                option("compression", "lz4"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }

    /** Sends every trade of the run as fast as the producer takes them, then waits for all acknowledgements. */
    private Produced produce(KafkaProducer<String, byte[]> producer, long start, AtomicLong sent) {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        for (int i = 0; i < trades; i++) {
            EventEnvelope<TradeExecutedPayload> event = trade(i);
            producer.send(
                    new ProducerRecord<>(
                            scratchTopic,
                            Topics.TRADE_EXECUTED.keyOf(event), // userId, as the execution job keys it
                            Topics.TRADE_EXECUTED.serde().serialize(event)),
                    (metadata, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error);
                        }
                    });
            sent.incrementAndGet();
        }
        producer.flush();
        if (firstFailure.get() != null) {
            System.out.println("producer: first failed send: " + firstFailure.get());
        }
        return new Produced(acked.get(), failed.get(), seconds(start));
    }

    /** Trade {@code i} of this run, the same each time it is asked for: the baselines reuse the seeded payloads. */
    private EventEnvelope<TradeExecutedPayload> trade(int i) {
        SplittableRandom random = new SplittableRandom(seed + i);
        String orderId = userPrefix + "o" + i;
        String userId = user(random.nextInt(users));
        String symbol = symbol(random.nextInt(symbols));
        long quantity = 1 + random.nextInt(100);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Uniform over the window and at least 1 ms in the past; a window across a month end spans two indices.
        Instant executedAt = seededAt.minusMillis(1 + random.nextLong(windowMillis));
        TradeExecutedPayload payload;
        if (random.nextInt(10) == 0) {
            ExecutionStatus status = FAILURES.get(random.nextInt(FAILURES.size()));
            String reason = "benchmark: " + status.name().toLowerCase(Locale.ROOT);
            payload =
                    new TradeExecutedPayload(orderId, userId, symbol, quantity, side, status, null, executedAt, reason);
        } else {
            // 1.0000 to 999.9999, exact at the contract's 4 decimals
            BigDecimal price = BigDecimal.valueOf(10_000 + random.nextLong(9_990_000), 4);
            payload = new TradeExecutedPayload(
                    orderId, userId, symbol, quantity, side, ExecutionStatus.EXECUTED, price, executedAt, null);
        }
        return Topics.TRADE_EXECUTED.newEventWithId("outcome-" + orderId, "flink-execution-job", payload, null);
    }

    private String user(int index) {
        return userPrefix + "u" + index;
    }

    /** {@code BX} + two characters of the run + the index: within [A-Z0-9.]{1,10}, distinct between most runs. */
    private String symbol(int index) {
        return "BX" + run.substring(0, 2).toUpperCase(Locale.ROOT) + index;
    }

    private long elasticsearchCount() throws Exception {
        // ignore_unavailable: before the first trade of a month there may be no index to count in.
        String query = "{\"query\":{\"prefix\":{\"userId\":" + JSON.writeValueAsString(userPrefix) + "}}}";
        HttpResponse<String> response = send(
                post(elasticsearch + "/" + TradeHistory.INDEX_PATTERN + "/_count?ignore_unavailable=true", query),
                CALL_TIMEOUT);
        return JSON.readTree(ok(response, "Elasticsearch _count")).path("count").asLong();
    }

    private long clickHouseCount() throws Exception {
        // The run id is generated (hex), never user input, so it is safe inside the SQL text.
        String sql = "SELECT uniqExact(event_id) FROM " + TradeHistory.TABLE + " WHERE user_id LIKE '" + userPrefix
                + "%' FORMAT TabSeparated";
        return Long.parseLong(clickHouseSql(sql).trim());
    }

    /** How far one store got, and when it first held every expected trade (seconds from the first send). */
    private static final class StoreProgress {

        interface Count {
            long get() throws Exception;
        }

        private final String name;
        private final Count count;
        private long reached;
        private double elapsed;
        private double completeAfter = Double.NaN;
        private String lastError;

        StoreProgress(String name, Count count) {
            this.name = name;
            this.count = count;
        }

        void poll(long expected, long start) {
            if (complete()) {
                return;
            }
            try {
                reached = count.get();
                lastError = null;
            } catch (Exception e) {
                lastError = e.toString(); // a store busy with the load may miss a poll; the next one counts
            }
            elapsed = seconds(start);
            if (reached >= expected) {
                completeAfter = elapsed;
            }
        }

        boolean complete() {
            return !Double.isNaN(completeAfter);
        }

        String name() {
            return name;
        }

        long reached() {
            return reached;
        }

        double completeAfter() {
            return completeAfter;
        }

        String lastError() {
            return lastError;
        }

        /** Events/s into the store: all of them over the time to completion, or what it reached so far. */
        double rate() {
            return complete() ? reached / completeAfter : reached / elapsed;
        }

        String progress() {
            return String.format(
                    "%s %d (%.0f/s)%s",
                    name, reached, elapsed > 0 ? reached / elapsed : 0.0, complete() ? " done" : "");
        }
    }

    // ---- baselines -------------------------------------------------------------------------------------------

    /** Rows per request, sent with {@link #IN_FLIGHT} requests outstanding. */
    private interface Upload {
        void send(byte[] body) throws Exception;
    }

    /**
     * Docs/s of {@code _bulk} into a scratch index with the template's settings and mappings, up to searchable
     * (a final refresh), since the job's figure is up to documents being counted.
     */
    private double elasticsearchRawRate(int raw) throws Exception {
        String index = "bench-raw-" + run;
        createRawIndex(index);
        try {
            List<byte[]> bodies = new ArrayList<>();
            for (int from = 0; from < raw; from += ES_BULK_DOCS) {
                StringBuilder ndjson = new StringBuilder(ES_BULK_DOCS * 400);
                for (int i = from; i < Math.min(raw, from + ES_BULK_DOCS); i++) {
                    EventEnvelope<TradeExecutedPayload> event = trade(i);
                    ndjson.append("{\"index\":{\"_id\":")
                            .append(JSON.writeValueAsString(event.eventId()))
                            .append("}}\n")
                            .append(TradeHistory.document(event))
                            .append('\n');
                }
                bodies.add(ndjson.toString().getBytes(StandardCharsets.UTF_8));
            }
            // filter_path: only errors come back, so the client does not parse a thousand item results per request
            URI bulk = URI.create(elasticsearch + "/" + index + "/_bulk?filter_path=errors,items.*.error");
            long start = System.nanoTime();
            inFlight(bodies, body -> {
                HttpResponse<String> response = send(
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
            ok(send(post(elasticsearch + "/" + index + "/_refresh", ""), BULK_TIMEOUT), "Elasticsearch _refresh");
            double seconds = seconds(start);
            long stored = JSON.readTree(
                            ok(send(get(elasticsearch + "/" + index + "/_count", null), CALL_TIMEOUT), "count"))
                    .path("count")
                    .asLong();
            if (stored != raw) {
                System.out.printf("  warning: %s holds %d of %d docs%n", index, stored, raw);
            }
            return raw / seconds;
        } finally {
            cleanUp("index " + index, () -> send(delete(elasticsearch + "/" + index), CALL_TIMEOUT));
        }
    }

    /** The scratch index gets the trades template's settings and strict mappings, so the documents cost the same. */
    private void createRawIndex(String index) throws Exception {
        JsonNode templates = JSON.readTree(ok(
                send(get(elasticsearch + "/_index_template/trading_trades", null), CALL_TIMEOUT),
                "Elasticsearch index template trading_trades (installed by schema-bootstrap)"));
        JsonNode template =
                templates.path("index_templates").path(0).path("index_template").path("template");
        if (template.isMissingNode()) {
            throw new IllegalStateException("index template trading_trades has no template section: " + templates);
        }
        ok(
                send(
                        HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(template))),
                        CALL_TIMEOUT),
                "create index " + index);
    }

    /** Rows/s of JSONEachRow inserts into a scratch copy of trading_trades (same engine and sorting key). */
    private double clickHouseRawRate(int raw) throws Exception {
        String table = "bench_raw_" + run;
        clickHouseSql("CREATE TABLE " + table + " AS " + TradeHistory.TABLE);
        try {
            List<byte[]> bodies = new ArrayList<>();
            for (int from = 0; from < raw; from += CLICKHOUSE_INSERT_ROWS) {
                StringBuilder rows = new StringBuilder(CLICKHOUSE_INSERT_ROWS * 300);
                for (int i = from; i < Math.min(raw, from + CLICKHOUSE_INSERT_ROWS); i++) {
                    rows.append(TradeHistory.clickHouseRow(trade(i))).append('\n');
                }
                bodies.add(rows.toString().getBytes(StandardCharsets.UTF_8));
            }
            // 18.16: the format goes in the SQL text, the body stays uncompressed.
            URI insert = URI.create(clickHouse + "/?query="
                    + URLEncoder.encode("INSERT INTO " + table + " FORMAT JSONEachRow", StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            long start = System.nanoTime();
            inFlight(
                    bodies,
                    body -> ok(
                            send(
                                    HttpRequest.newBuilder(insert).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                                    BULK_TIMEOUT),
                            "ClickHouse INSERT"));
            double seconds = seconds(start);
            long stored = Long.parseLong(clickHouseSql("SELECT count() FROM " + table + " FORMAT TabSeparated")
                    .trim());
            if (stored != raw) {
                System.out.printf("  warning: %s holds %d of %d rows%n", table, stored, raw);
            }
            return raw / seconds;
        } finally {
            cleanUp("table " + table, () -> clickHouseSql("DROP TABLE IF EXISTS " + table));
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

    private interface Cleanup {
        Object run() throws Exception;
    }

    /**
     * The persistence job's own jar, run once more on the local cluster against the scratch topic (the local run's
     * instance idles meanwhile): the job measured is the real one, and the system's trade_executed never holds a
     * trade without an order. Stopping it cancels the job, deletes the topic, and deletes the run's trades from
     * both stores, waiting for ClickHouse's delete to finish, so the consistency check finds nothing of the run.
     */
    private final class ScratchPipeline {

        private final String kafka = option("kafka", "127.0.0.1:9092");
        private FlinkJarJob job;

        void start() throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
                int partitions = admin.describeTopics(List.of(Topics.TRADE_EXECUTED.name()))
                        .allTopicNames()
                        .get()
                        .get(Topics.TRADE_EXECUTED.name())
                        .partitions()
                        .size();
                admin.createTopics(List.of(new NewTopic(scratchTopic, partitions, (short) 1)))
                        .all()
                        .get();
            }
            job = new FlinkJarJob(
                    "persistence-bench-" + run,
                    persistenceJobJar(),
                    option("flink", "http://127.0.0.1:8081"),
                    Files.createTempDirectory("persistence-bench-"),
                    List.of(
                            "--kafka", kafka,
                            "--topic", scratchTopic,
                            "--group", "persistence-bench-" + run,
                            "--elasticsearch", elasticsearch,
                            "--clickhouse", clickHouse,
                            "--checkpoint-interval-ms", "2000",
                            "--parallelism", "1"));
            job.start();
            System.out.printf("scratch pipeline: topic %s, persistence job %s%n", scratchTopic, job.endpoint());
        }

        void stop() {
            if (job != null) {
                cleanUp("the scratch persistence job", () -> {
                    job.stop();
                    return null;
                });
            }
            cleanUp("topic " + scratchTopic, () -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
                    return admin.deleteTopics(List.of(scratchTopic)).all().get();
                }
            });
            cleanUp("the run's Elasticsearch documents", this::deleteDocuments);
            cleanUp("the run's ClickHouse rows", () -> {
                clickHouseSql("ALTER TABLE " + TradeHistory.TABLE + " DELETE WHERE user_id LIKE '" + userPrefix + "%'");
                long deadline = System.nanoTime() + BULK_TIMEOUT.toNanos();
                while (clickHouseCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_EVERY.toMillis());
                }
                return null;
            });
            System.out.printf("clean-up of the run (users %s*) done%n", userPrefix);
        }

        /** By id, in bulk: every trade's index and id derive from its number (no delete-by-query module needed). */
        private Object deleteDocuments() throws Exception {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < trades; i++) {
                EventEnvelope<TradeExecutedPayload> event = trade(i);
                ndjson.append("{\"delete\":{\"_index\":")
                        .append(JSON.writeValueAsString(
                                TradeHistory.indexOf(event.payload().executionTimestamp())))
                        .append(",\"_id\":")
                        .append(JSON.writeValueAsString(event.eventId()))
                        .append("}}\n");
                if ((i + 1) % ES_BULK_DOCS == 0 || i == trades - 1) {
                    ok(
                            send(
                                    HttpRequest.newBuilder(URI.create(elasticsearch + "/_bulk"))
                                            .header("Content-Type", "application/x-ndjson")
                                            .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())),
                                    BULK_TIMEOUT),
                            "Elasticsearch _bulk delete");
                    ndjson.setLength(0);
                }
            }
            ok(
                    send(post(elasticsearch + "/" + TradeHistory.INDEX_PATTERN + "/_refresh", ""), BULK_TIMEOUT),
                    "Elasticsearch _refresh");
            long left = elasticsearchCount();
            if (left > 0) {
                throw new IllegalStateException(left + " documents of the run are still there");
            }
            return null;
        }

        /** The shaded jar the local run deploys: {@code --job-jar}, else the one built in this checkout. */
        private Path persistenceJobJar() throws Exception {
            if (options.containsKey("job-jar")) {
                return Path.of(option("job-jar", ""));
            }
            try (Stream<Path> built = Files.list(Path.of("flink-persistence-job", "target"))) {
                return built.filter(path -> path.getFileName().toString().endsWith("-job.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no flink-persistence-job/target/*-job.jar: build the project, or pass --job-jar"));
            }
        }
    }

    /** Scratch objects go even after a failed baseline; a failed clean-up is reported, not thrown over the cause. */
    private static void cleanUp(String what, Cleanup cleanup) {
        try {
            cleanup.run();
        } catch (Exception e) {
            System.out.printf("  could not remove %s: %s%n", what, e);
        }
    }

    // ---- query latency ---------------------------------------------------------------------------------------

    /**
     * One client, one call at a time (latency, not load): per round a history page of a random bench user (and
     * for every other round its next page), a volume report, and the liveness floor, so all kinds see the same
     * conditions. The first rounds warm up the JIT and connection pools and are not recorded.
     */
    private Map<String, LatencyRecorder> queries() throws Exception {
        int queries = Integer.parseInt(option("queries", "300"));
        int warmup = Integer.parseInt(option("warmup-queries", "20"));
        DevTokenIssuer issuer = DevTokenIssuer.loadOrCreate(Path.of(option("data-dir", ".local-data"), "dev-issuer"));
        Map<String, String> tokens = new HashMap<>();
        Map<String, LatencyRecorder> recorders = new LinkedHashMap<>();
        for (String kind : List.of(HISTORY, HISTORY_NEXT, VOLUME, VOLUME_ALL, LIVENESS)) {
            recorders.put(kind, new LatencyRecorder());
        }
        Map<String, String> firstErrors = new LinkedHashMap<>();
        Random random = new Random(seed);
        System.out.printf("queries: %d rounds through %s (+%d warm-up)%n", queries, queryService, warmup);
        for (int round = -warmup; round < queries; round++) {
            Map<String, LatencyRecorder> into = round < 0 ? new HashMap<>() : recorders;
            String user = user(random.nextInt(users));
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
                    : "symbol=" + symbol(random.nextInt(symbols)) + "&timeWindow=24h&interval=5m";
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
            response = send(request, CALL_TIMEOUT);
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

    // ---- summary ---------------------------------------------------------------------------------------------

    private void summary(
            SinkResult sinks, double elasticsearchRaw, double clickHouseRaw, Map<String, LatencyRecorder> latencies) {
        Produced produced = sinks.produced();
        System.out.printf("%n== summary, run %s: %d trades (%d acknowledged) ==%n", run, trades, produced.acked());
        System.out.printf("%-40s %12s %14s %9s%n", "path", "events/s", "raw rows/s", "job/raw");
        System.out.printf(
                "%-40s %12.0f %14s %9s%n",
                "producer -> trade_executed", produced.acked() / produced.seconds(), "-", "-");
        throughputRow("job -> Elasticsearch (searchable)", sinks.elasticsearch(), elasticsearchRaw);
        throughputRow("job -> ClickHouse (uniqExact)", sinks.clickHouse(), clickHouseRaw);
        LatencyRecorder floor = latencies.get(LIVENESS);
        System.out.printf("%-40s %7s %7s %9s %9s %11s%n", "query", "ok", "errors", "p50 ms", "p99 ms", "p50/floor");
        latencies.forEach((kind, r) -> System.out.printf(
                "%-40s %7d %7d %9.2f %9.2f %11.1f%n",
                kind,
                r.count(),
                r.errors(),
                r.percentileMillis(0.5),
                r.percentileMillis(0.99),
                r.percentileMillis(0.5) / floor.percentileMillis(0.5)));
    }

    private static void throughputRow(String path, StoreProgress store, double raw) {
        System.out.printf(
                "%-40s %12.0f %14.0f %9.2f%s%n",
                path, store.rate(), raw, store.rate() / raw, store.complete() ? "" : "  (timed out, incomplete)");
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private static HttpRequest.Builder get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder delete(String url) {
        return HttpRequest.newBuilder(URI.create(url)).DELETE();
    }

    /** Every call is bounded: a store stalled by the load must not hang the benchmark. */
    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws Exception {
        return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SQL in the POST body, answer as text; ClickHouse's default user of the local run has no password. */
    private String clickHouseSql(String sql) throws Exception {
        return ok(
                send(
                        HttpRequest.newBuilder(URI.create(clickHouse + "/"))
                                .POST(HttpRequest.BodyPublishers.ofString(sql)),
                        CALL_TIMEOUT),
                "ClickHouse: " + sql);
    }

    private static String ok(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    what + " answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
