package com.mocktrading.localrun;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.ServerStartException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole system on this machine with its data kept under
 * {@code .local-data/}, prints where everything listens, and stops it all cleanly on Ctrl-C.
 */
public final class LocalRun {

    private static final PrintStream OUT = System.out;
    private static final LocalSystemSettings DEFAULTS =
            LocalSystemSettings.defaults(Path.of(LocalSystemSettings.DATA_DIRECTORY));
    private static final CommandLine COMMAND = CommandLine.command(
                    "./run-local.sh [options]",
                    "Runs the whole system on this machine until Ctrl-C, its data kept between runs.")
            .option("data-dir", "DIR", "where the servers keep their data and logs", LocalSystemSettings.DATA_DIRECTORY)
            .option("mode", "servers-only", "leaves the services, jobs and feed out")
            .option(
                    "order-service-replicas",
                    "N",
                    "order-service instances behind the gateway",
                    Integer.toString(DEFAULTS.orderServicePorts().size()))
            .option("images", "TAG", "runs the services from the images mock-trading/MODULE:TAG (needs Docker)")
            .option("gateway-address", "ADDRESS", "where the gateway listens", DEFAULTS.gatewayAddress())
            .option("symbols", "N", "the simulated universe", Integer.toString(DEFAULTS.symbols()))
            .option("simulator-rate", "N", "price updates per second; 0 runs no simulator", Integer.toString((int)
                    DEFAULTS.simulatorRate()))
            .option("elasticsearch-heap", "SIZE", "Elasticsearch's heap", DEFAULTS.elasticsearchHeap())
            .option(
                    "zipkin-port",
                    "PORT",
                    "the trace UI (Zipkin) every service and job sends its spans to; 0 runs none",
                    Integer.toString(DEFAULTS.zipkinPort()))
            .option(
                    "prometheus-port",
                    "PORT",
                    "Prometheus scraping every service and job (e.g. 9090); 0 runs none",
                    Integer.toString(DEFAULTS.prometheusPort()))
            .option("kafka-port", "PORT", "Kafka", Integer.toString(DEFAULTS.kafkaPort()))
            .option(
                    "kafka-controller-port",
                    "PORT",
                    "Kafka's controller",
                    Integer.toString(DEFAULTS.kafkaControllerPort()))
            .option("dynamodb-port", "PORT", "DynamoDB Local", Integer.toString(DEFAULTS.dynamoDbPort()))
            .option("redis-port", "PORT", "Redis", Integer.toString(DEFAULTS.redisPort()))
            .option("elasticsearch-port", "PORT", "Elasticsearch", Integer.toString(DEFAULTS.elasticsearchPort()))
            .option(
                    "elasticsearch-transport-port",
                    "PORT",
                    "Elasticsearch's transport",
                    Integer.toString(DEFAULTS.elasticsearchTransportPort()))
            .option("clickhouse-port", "PORT", "ClickHouse's HTTP", Integer.toString(DEFAULTS.clickHouseHttpPort()))
            .option(
                    "clickhouse-tcp-port",
                    "PORT",
                    "ClickHouse's native",
                    Integer.toString(DEFAULTS.clickHouseTcpPort()))
            .option("flink-port", "PORT", "Flink's REST and web UI", Integer.toString(DEFAULTS.flinkRestPort()))
            .option(
                    "order-service-port",
                    "PORT",
                    "the first order-service",
                    Integer.toString(DEFAULTS.orderServicePorts().get(0)))
            .option(
                    "portfolio-service-port",
                    "PORT",
                    "portfolio-service",
                    Integer.toString(DEFAULTS.portfolioServicePort()))
            .option("query-service-port", "PORT", "query-service", Integer.toString(DEFAULTS.queryServicePort()))
            .option(
                    "market-data-service-port",
                    "PORT",
                    "market-data-service",
                    Integer.toString(DEFAULTS.marketDataServicePort()))
            .option("gateway-port", "PORT", "the API gateway", Integer.toString(DEFAULTS.gatewayPort()))
            .option(
                    "gateway-management-port",
                    "PORT",
                    "the gateway's probes and metrics",
                    Integer.toString(DEFAULTS.gatewayManagementPort()));

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        LocalSystemSettings settings;
        try {
            settings = LocalSystemSettings.fromOptions(COMMAND.parseOrExit(args).options());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalSystem stack = new LocalSystem(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            OUT.println("\nstopping the local system ...");
                            stack.close();
                            OUT.println("stopped; data kept in " + settings.dataDirectory());
                            stopped.countDown();
                        },
                        "local-run-stop"));

        OUT.println("starting the local system, data in " + settings.dataDirectory());
        try {
            stack.start().forEach(line -> OUT.println("  schema  " + line));
        } catch (PrerequisiteMissingException | ServerStartException | IllegalStateException e) {
            System.err.println("local run failed: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("local run failed: " + e);
            System.exit(1);
        }
        printEndpoints(stack);
        stopped.await();
    }

    private static void printEndpoints(LocalSystem stack) {
        OUT.println();
        OUT.println("the local system is up (Ctrl-C stops it):");
        for (LocalServer server : stack.servers()) {
            OUT.printf(
                    "  %-20s %-32s started in %5.1f s%n",
                    server.name(),
                    server.endpoint(),
                    stack.startupTimes().get(server.name()).toMillis() / 1000.0);
        }
        OUT.println("logs: " + stack.settings().dataDirectory().resolve("logs"));
        if (stack.settings().projectDirectory() != null) {
            LocalSystemSettings settings = stack.settings();
            OUT.println();
            String gateway = "http://127.0.0.1:" + settings.gatewayPort();
            OUT.println("the API gateway: " + gateway + "/v1/...; try it:");
            OUT.println("  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{\"userId\":\"alice\"}' "
                    + gateway + "/v1/dev/token | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/prices/ACME");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
            OUT.println("       -d '{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":10}' " + gateway + "/v1/orders");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/portfolio/alice");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/trades/search");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" '" + gateway
                    + "/v1/analytics/volume?symbol=ACME&timeWindow=1h&interval=5m'");
            OUT.println("  live prices and your order updates (WebSocket; send"
                    + " {\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"orders\"]}):");
            OUT.println("    ws://127.0.0.1:" + settings.gatewayPort() + "/v1/marketdata?access_token=$TOKEN");
            if (settings.zipkinPort() != 0) {
                String zipkin = "http://127.0.0.1:" + settings.zipkinPort();
                OUT.println("  an order's whole path: the X-Trace-Id header of its 202 (curl -i) names its trace,");
                OUT.println("    " + zipkin + "/zipkin/traces/TRACE_ID; or search by order id: " + zipkin
                        + "/zipkin/?annotationQuery=mocktrading.order_id%3DORDER_ID");
            }
        }
    }
}
