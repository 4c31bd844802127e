package com.mocktrading.consistency;

import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/consistency-check}: reconciles a running system's stores and prints what it checked and every
 * violation; exits 1 when there is any.
 *
 * <pre>--dynamodb=http://127.0.0.1:8000 --elasticsearch=http://127.0.0.1:9200 --starting-cash=100000.00
 * --in-flight-seconds=60 --max-violations=50</pre>
 */
public final class ConsistencyCheckCommand {

    private static final PrintStream OUT = System.out;

    private ConsistencyCheckCommand() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("options are --name=value, e.g. --dynamodb=http://127.0.0.1:8000");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Reconciliation.Report report = run(
                options.getOrDefault("dynamodb", "http://127.0.0.1:8000"),
                options.getOrDefault("elasticsearch", "http://127.0.0.1:9200"),
                new BigDecimal(options.getOrDefault("starting-cash", "100000.00")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("in-flight-seconds", "60"))));
        print(report, OUT, Integer.parseInt(options.getOrDefault("max-violations", "50")));
        System.exit(report.consistent() ? 0 : 1);
    }

    /** Reads the stores and checks them; orders accepted within {@code inFlight} may still be executing. */
    public static Reconciliation.Report run(
            String dynamoDbEndpoint, String elasticsearchUrl, BigDecimal startingCash, Duration inFlight)
            throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClients.create(dynamoDbEndpoint)) {
            StoreReaders stores = new StoreReaders(dynamo, elasticsearchUrl);
            Instant since = Instant.now().minus(inFlight);
            return new Reconciliation(startingCash, since)
                    .check(
                            stores.portfolios(TableDefinitions.PORTFOLIOS),
                            stores.orders(TableDefinitions.ORDERS),
                            stores.history());
        }
    }

    /** The counts, then at most {@code maxViolations} violations (all are counted). */
    public static void print(Reconciliation.Report report, PrintStream out, int maxViolations) {
        out.printf(
                "checked %d portfolios, %d orders, %d orders in the history (%d still executing)%n",
                report.portfolios(), report.orders(), report.ordersInHistory(), report.inFlight());
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
