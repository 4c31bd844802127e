package com.mocktrading.consistency;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/consistency-check}: reconciles a running system's stores and prints what it checked and every
 * violation; exits 1 when there is any.
 *
 * <pre>--dynamodb=http://127.0.0.1:8000 --kafka=127.0.0.1:9092 --elasticsearch=http://127.0.0.1:9200
 * --clickhouse=http://127.0.0.1:8123 --in-flight-seconds=60 --max-violations=50 [--buckets=N]</pre>
 */
public final class ConsistencyCheckCommand {

    private static final PrintStream OUT = System.out;
    private static final int ORDERS_PER_BUCKET = 100_000;
    private static final int MIN_BUCKETS = 16;
    /**
     * A scan page of a large table takes seconds on a loaded DynamoDB (Local serialises them): the check is a batch
     * job, not a request, and waits longer than a service call would.
     */
    private static final Duration SCAN_PAGE_TIMEOUT = Duration.ofSeconds(30);

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/consistency-check [options]",
                    "Checks the invariants across the stores; exit status 1 on any violation.")
            .stores(StoreOption.DYNAMODB)
            .stores(StoreOption.KAFKA)
            .stores(StoreOption.ELASTICSEARCH)
            .stores(StoreOption.CLICKHOUSE)
            .option("in-flight-seconds", "S", "orders younger than this may still be on their way", "60")
            .option("buckets", "N", "read the tables in N parallel scan segments")
            .option("max-violations", "N", "violations printed", "50");

    private ConsistencyCheckCommand() {}

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        Endpoints endpoints = new Endpoints(
                options.get(StoreOption.DYNAMODB),
                options.get(StoreOption.KAFKA),
                options.get(StoreOption.ELASTICSEARCH),
                options.get(StoreOption.CLICKHOUSE));
        Duration inFlight = Duration.ofSeconds(Long.parseLong(options.get("in-flight-seconds")));
        long began = System.nanoTime();
        Reconciliation.Report report = options.has("buckets")
                ? run(endpoints, inFlight, Integer.parseInt(options.get("buckets")))
                : run(endpoints, inFlight);
        OUT.printf("read and checked in %.1f s%n", (System.nanoTime() - began) / 1e9);
        print(report, OUT, Integer.parseInt(options.get("max-violations")));
        System.exit(report.consistent() ? 0 : 1);
    }

    /** Where the stores are. */
    public record Endpoints(String dynamoDb, String kafka, String elasticsearch, String clickHouse) {}

    /**
     * Reads the stores and checks them; what was accepted or changed within {@code inFlight} may still be on its
     * way through the pipeline and is counted, not judged. Orders are read before portfolios, so a portfolio can
     * only be newer than the orders seen, which its last-updated time then shows. Everything streams into
     * {@link UserBuckets} on disk, one bucket per {@value #ORDERS_PER_BUCKET} orders (and at least
     * {@value #MIN_BUCKETS}), and is checked a bucket at a time: memory holds one bucket's users, whatever the size
     * of the stores.
     */
    public static Reconciliation.Report run(Endpoints endpoints, Duration inFlight) throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClients.create(endpoints.dynamoDb())) {
            long orders = dynamo.describeTable(request -> request.tableName(TableDefinitions.ORDERS))
                    .table()
                    .itemCount();
            return run(endpoints, inFlight, (int) Math.max(MIN_BUCKETS, orders / ORDERS_PER_BUCKET + 1));
        }
    }

    /** {@link #run(Endpoints, Duration)} with the users split into {@code buckets}. */
    public static Reconciliation.Report run(Endpoints endpoints, Duration inFlight, int buckets) throws Exception {
        try (DynamoDbClient dynamo = scanningClient(endpoints.dynamoDb());
                UserBuckets spill = new UserBuckets(buckets)) {
            DynamoDbScans stores = new DynamoDbScans(dynamo);
            ReadModelReaders readModels = new ReadModelReaders(endpoints.elasticsearch(), endpoints.clickHouse());
            Instant settledBefore = Instant.now().minus(inFlight);
            stores.forEachOrder(TableDefinitions.ORDERS, spill::order);
            stores.forEachFunding(TableDefinitions.FUNDING, spill::funding);
            stores.forEachPortfolio(TableDefinitions.PORTFOLIOS, spill::portfolio);
            new OutcomeLog(endpoints.kafka(), Topics.TRADE_EXECUTED.name()).forEach(spill::outcome);
            readModels.forEachHistoryTrade(spill::historyTrade);
            readModels.forEachAnalyticsRow(spill::analyticsRow);
            return spill.check(new Reconciliation(settledBefore));
        }
    }

    private static DynamoDbClient scanningClient(String endpoint) {
        return DynamoDbClients.create(endpoint, "us-east-1", SCAN_PAGE_TIMEOUT.multipliedBy(3), SCAN_PAGE_TIMEOUT, 8);
    }

    /** The counts, then at most {@code maxViolations} violations (all are counted). */
    public static void print(Reconciliation.Report report, PrintStream out, int maxViolations) {
        out.printf(
                "checked %d orders (%d with an outcome event, %d still on their way) and %d portfolios"
                        + " (%d quiescent, each recomputed from its funding and trades)%n",
                report.orders(),
                report.ordersWithOutcome(),
                report.inFlight(),
                report.portfolios(),
                report.portfoliosJudged());
        if (report.consistent()) {
            out.println("consistent: no violations");
        } else {
            out.printf("%d violations:%n", report.violations().size());
            report.violations().stream().limit(maxViolations).forEach(violation -> out.println("  " + violation));
            if (report.violations().size() > maxViolations) {
                out.printf(
                        "  ... and %d more (--max-violations=N shows more)%n",
                        report.violations().size() - maxViolations);
            }
        }
    }
}
