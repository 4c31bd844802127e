package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.support.BenchmarkHttp.CALL_TIMEOUT;
import static com.mocktrading.loadtests.support.BenchmarkHttp.get;
import static com.mocktrading.loadtests.support.BenchmarkHttp.ok;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.loadtests.support.BenchmarkHttp;
import com.mocktrading.loadtests.support.LatencyRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the persistence path of a running local system ({@code ./run-local.sh}): trade outcomes produced
 * straight into a scratch copy of {@code trade_executed} (as the execution job would), and the rate at which the
 * persistence job makes them complete in Elasticsearch (searchable, counted by {@code _count}) and in ClickHouse
 * (counted by {@code uniqExact(event_id)}), from the first send until the store holds every trade of the run
 * ({@link SinkThroughput}). As baselines of the same run, each store's raw bulk-insert rate with the same payloads
 * ({@link RawBaselines}). Then the read side through query-service ({@link QueryLatency}).
 *
 * <p>The seeded trades ({@link BenchTrades}) are read by a second instance of the persistence job submitted to the
 * local cluster for the run ({@link ScratchPipeline}); afterwards the job and the topic are removed and the run's
 * trades deleted from both stores, so the consistency check has nothing to excuse. {@code --help} lists the options.
 *
 * <pre>./mvnw -q -pl load-tests exec:java \
 *   -Dexec.mainClass=com.mocktrading.loadtests.persistence.PersistenceBenchmark -Dexec.args="--trades=1000000"</pre>
 */
public final class PersistenceBenchmark {

    private static final CommandLine COMMAND = CommandLine.command(
                    "PersistenceBenchmark [options]",
                    "The persistence job's throughput into both stores against raw bulk inserts, then query latency.")
            .option("trades", "N", "trades seeded", "1000000")
            .option("users", "N", "users they belong to", "1000")
            .option("symbols", "N", "symbols traded", "100")
            .option("days", "N", "days back the trades spread over", "7")
            .option("raw", "N", "rows of each raw baseline", "100000")
            .option("queries", "N", "rounds of queries measured", "300")
            .option("warmup-queries", "N", "rounds of queries before measuring", "20")
            .option("timeout", "S", "seconds to wait for the stores", "900")
            .option("compression", "CODEC", "of the producer", "lz4")
            .stores(StoreOption.KAFKA, StoreOption.ELASTICSEARCH, StoreOption.CLICKHOUSE)
            .option("query-service", "URL", "query-service", "http://127.0.0.1:8093")
            .option("flink", "URL", "the Flink cluster's REST API", "http://127.0.0.1:8081")
            .option("data-dir", "DIR", "the local run's data (its dev issuer signs the tokens)", ".local-data")
            .option("job-jar", "JAR", "the persistence job's shaded jar (default: built in this checkout)");

    private final CommandLine.Arguments options;
    private final BenchmarkHttp http = new BenchmarkHttp();
    private final BenchTrades trades;
    private final BenchStores stores;

    private PersistenceBenchmark(CommandLine.Arguments options) {
        this.options = options;
        this.trades = new BenchTrades(
                Integer.parseInt(options.get("trades")),
                Integer.parseInt(options.get("users")),
                Integer.parseInt(options.get("symbols")),
                Long.parseLong(options.get("days")) * BenchTrades.DAY_MILLIS);
        this.stores = new BenchStores(
                http, options.get(StoreOption.ELASTICSEARCH), options.get(StoreOption.CLICKHOUSE), trades.userPrefix());
    }

    public static void main(String[] args) throws Exception {
        new PersistenceBenchmark(COMMAND.parseOrExit(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int raw = Integer.parseInt(options.get("raw"));
        System.out.printf(
                "persistence benchmark, run %s: %d trades, %d users, %d symbols over the last %d days,"
                        + " baselines of %d rows, %s queries per kind%n",
                trades.run(),
                trades.count(),
                trades.users(),
                trades.symbols(),
                trades.windowMillis() / BenchTrades.DAY_MILLIS,
                raw,
                options.get("queries"));
        preflight();
        ScratchPipeline pipeline = new ScratchPipeline(
                trades, stores, options.get(StoreOption.KAFKA), options.get("flink"), persistenceJobJar());
        try {
            pipeline.start();
            measure(pipeline.topic(), raw);
        } finally {
            pipeline.stop();
        }
    }

    private void measure(String topic, int raw) throws Exception {
        SinkThroughput.Result sinks = new SinkThroughput(
                        trades, stores, topic, options.get(StoreOption.KAFKA), options.get("compression"))
                .measure(Duration.ofSeconds(Long.parseLong(options.get("timeout"))));

        RawBaselines baselines = new RawBaselines(trades, stores);
        double elasticsearchRaw = baselines.elasticsearch(raw);
        System.out.printf(
                "  %.0f docs/s; job / raw: %.2f%n",
                elasticsearchRaw, sinks.elasticsearch().rate() / elasticsearchRaw);
        double clickHouseRaw = baselines.clickHouse(raw);
        System.out.printf(
                "  %.0f rows/s; job / raw: %.2f%n",
                clickHouseRaw, sinks.clickHouse().rate() / clickHouseRaw);

        DevTokenIssuer issuer = DevTokenIssuer.loadOrCreate(Path.of(options.get("data-dir"), "dev-issuer"));
        Map<String, LatencyRecorder> latencies = new QueryLatency(trades, http, options.get("query-service"), issuer)
                .measure(Integer.parseInt(options.get("queries")), Integer.parseInt(options.get("warmup-queries")));

        summary(sinks, elasticsearchRaw, clickHouseRaw, latencies);
    }

    /** Fails before a million events are produced into a system that could not be measured. */
    private void preflight() throws Exception {
        stores.elasticsearchCount();
        stores.clickHouseCount();
        ok(
                http.send(get(options.get("query-service") + "/actuator/health/liveness", null), CALL_TIMEOUT),
                "query-service liveness");
        System.out.println("Elasticsearch, ClickHouse and query-service answer");
    }

    private void summary(
            SinkThroughput.Result sinks,
            double elasticsearchRaw,
            double clickHouseRaw,
            Map<String, LatencyRecorder> latencies) {
        SinkThroughput.Produced produced = sinks.produced();
        System.out.printf(
                "%n== summary, run %s: %d trades (%d acknowledged) ==%n",
                trades.run(), trades.count(), produced.acked());
        System.out.printf("%-40s %12s %14s %9s%n", "path", "events/s", "raw rows/s", "job/raw");
        System.out.printf("%-40s %12.0f %14s %9s%n", "producer -> trade_executed", produced.rate(), "-", "-");
        throughputRow("job -> Elasticsearch (searchable)", sinks.elasticsearch(), elasticsearchRaw);
        throughputRow("job -> ClickHouse (uniqExact)", sinks.clickHouse(), clickHouseRaw);
        LatencyRecorder floor = latencies.get(QueryLatency.LIVENESS);
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

    private static void throughputRow(String path, SinkThroughput.StoreProgress store, double raw) {
        System.out.printf(
                "%-40s %12.0f %14.0f %9.2f%s%n",
                path, store.rate(), raw, store.rate() / raw, store.complete() ? "" : "  (timed out, incomplete)");
    }

    /** The shaded jar the local run deploys: {@code --job-jar}, else the one built in this checkout. */
    private Path persistenceJobJar() throws Exception {
        if (options.has("job-jar")) {
            return Path.of(options.get("job-jar"));
        }
        try (Stream<Path> built = Files.list(Path.of("flink-persistence-job", "target"))) {
            return built.filter(path -> path.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no flink-persistence-job/target/*-job.jar: build the project, or pass --job-jar"));
        }
    }
}
