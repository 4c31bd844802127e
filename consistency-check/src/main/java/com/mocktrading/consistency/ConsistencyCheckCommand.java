package com.mocktrading.consistency;

import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.events.Topics;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/consistency-check}: reconciles a running system's stores and prints what it checked and every
 * violation; exits 1 when there is any.
 *
 * <pre>--dynamodb=http://127.0.0.1:8000 --kafka=127.0.0.1:9092 --elasticsearch=http://127.0.0.1:9200
 * --clickhouse=http://127.0.0.1:8123 --in-flight-seconds=60 --max-violations=50</pre>
 */
public final class ConsistencyCheckCommand {

    private static final PrintStream OUT = System.out;

    private ConsistencyCheckCommand() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandOptions.parse(args, "--dynamodb=http://127.0.0.1:8000");
        Reconciliation.Report report = run(
                new Endpoints(
                        options.getOrDefault("dynamodb", "http://127.0.0.1:8000"),
                        options.getOrDefault("kafka", "127.0.0.1:9092"),
                        options.getOrDefault("elasticsearch", "http://127.0.0.1:9200"),
                        options.getOrDefault("clickhouse", "http://127.0.0.1:8123")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("in-flight-seconds", "60"))));
        print(report, OUT, Integer.parseInt(options.getOrDefault("max-violations", "50")));
        System.exit(report.consistent() ? 0 : 1);
    }

    /** Where the stores are. */
    public record Endpoints(String dynamoDb, String kafka, String elasticsearch, String clickHouse) {}

    /**
     * Reads the stores and checks them; what was accepted or changed within {@code inFlight} may still be on its
     * way through the pipeline and is counted, not judged. Orders are read before portfolios, so a portfolio can
     * only be newer than the orders seen, which its last-updated time then shows.
     */
    public static Reconciliation.Report run(Endpoints endpoints, Duration inFlight) throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClients.create(endpoints.dynamoDb())) {
            DynamoDbScans stores = new DynamoDbScans(dynamo);
            ReadModelReaders readModels = new ReadModelReaders(endpoints.elasticsearch(), endpoints.clickHouse());
            Instant settledBefore = Instant.now().minus(inFlight);
            List<OrderRecord> orders = stores.orders(TableDefinitions.ORDERS);
            Map<String, BigDecimal> funding = stores.funding(TableDefinitions.FUNDING);
            List<Portfolio> portfolios = stores.portfolios(TableDefinitions.PORTFOLIOS);
            return new Reconciliation(settledBefore)
                    .check(new Reconciliation.Stores(
                            funding,
                            portfolios,
                            orders,
                            new OutcomeLog(endpoints.kafka(), Topics.TRADE_EXECUTED.name()).readAll(),
                            readModels.history(),
                            readModels.analytics()));
        }
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
