package com.mocktrading.localrun;

import com.mocktrading.localstack.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the local run keeps its data and which ports it uses. The defaults are each server's usual port,
 * so tools and service configurations find them without flags.
 *
 * @param orderServicePorts one port per order-service replica, the gateway balancing over them
 * @param symbols the size of the simulated universe (simulator and market-data service agree on it)
 * @param simulatorRate price updates per second the simulator publishes; 0 runs no simulator
 * @param gatewayManagementPort the gateway's probes and metrics, on loopback only: its public port has no
 *     {@code /actuator}
 * @param gatewayAddress the address the API gateway listens on: loopback unless asked otherwise
 *     ({@code --gateway-address=0.0.0.0}), since it hands out development tokens to whoever asks; every other
 *     process listens on loopback only
 * @param zipkinPort the trace UI (Zipkin), which every service and job sends its spans to; 0 runs none (and the
 *     services run with their tracing agent off, the jobs make no spans)
 * @param prometheusPort Prometheus, scraping every service and job; 0 (the default) runs none
 * @param projectDirectory the checkout whose built service jars to run, or null to run the servers only
 * @param images the project's images to run the services, the simulator and the schema bootstrap from, in
 *     containers on the host network (a Docker engine is needed); null runs the built jars
 */
public record LocalSystemSettings(
        Path dataDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int dynamoDbPort,
        int redisPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        int clickHouseHttpPort,
        int clickHouseTcpPort,
        int flinkRestPort,
        List<Integer> orderServicePorts,
        int portfolioServicePort,
        int queryServicePort,
        int marketDataServicePort,
        int gatewayPort,
        int gatewayManagementPort,
        String gatewayAddress,
        int symbols,
        double simulatorRate,
        String elasticsearchHeap,
        int zipkinPort,
        int prometheusPort,
        Path projectDirectory,
        ServiceImages images) {

    public static final String LOOPBACK = "127.0.0.1";
    /** Where {@code ./run-local.sh} keeps its data unless told otherwise. */
    public static final String DATA_DIRECTORY = ".local-data";

    public LocalSystemSettings {
        orderServicePorts = List.copyOf(orderServicePorts);
        if (orderServicePorts.isEmpty()) {
            throw new IllegalArgumentException("at least one order-service replica");
        }
    }

    public static LocalSystemSettings defaults(Path dataDirectory) {
        return new LocalSystemSettings(
                dataDirectory,
                9092,
                9093,
                8000,
                6379,
                9200,
                9300,
                8123,
                9000,
                8081,
                List.of(8091),
                8092,
                8093,
                8094,
                8080,
                8089,
                LOOPBACK,
                1000,
                500,
                "512m",
                9411,
                0,
                Path.of("").toAbsolutePath(),
                null);
    }

    /** Every port chosen free by the kernel: for tests, which must not collide with a local run. */
    public static LocalSystemSettings onFreePorts(Path dataDirectory, Path projectDirectory) {
        return new LocalSystemSettings(
                dataDirectory,
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                List.of(FreePorts.next()),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                LOOPBACK,
                1000,
                50,
                "512m",
                0,
                0,
                projectDirectory,
                null);
    }

    /** These settings with a simulated universe of {@code symbols} ticking {@code rate} times a second. */
    public LocalSystemSettings withFeed(int symbols, double rate) {
        return copy(orderServicePorts, symbols, rate, images);
    }

    /** These settings with the services run from the project's images tagged {@code tag} instead of its jars. */
    public LocalSystemSettings withServiceImages(String tag) {
        return copy(orderServicePorts, symbols, simulatorRate, new ServiceImages(tag));
    }

    /**
     * These settings with a trace UI and Prometheus on free ports: every service and job sends its spans to the one
     * and is scraped by the other.
     */
    public LocalSystemSettings withTelemetry() {
        return copy(orderServicePorts, symbols, simulatorRate, images, FreePorts.next(), FreePorts.next());
    }

    /** These settings with {@code replicas} of order-service: the first on its port, the others on free ones. */
    public LocalSystemSettings withOrderServiceReplicas(int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("--order-service-replicas must be at least 1, was " + replicas);
        }
        List<Integer> ports = new ArrayList<>(List.of(orderServicePorts.get(0)));
        while (ports.size() < replicas) {
            ports.add(FreePorts.next());
        }
        return copy(ports, symbols, simulatorRate, images);
    }

    private LocalSystemSettings copy(
            List<Integer> orderServicePorts, int symbols, double simulatorRate, ServiceImages images) {
        return copy(orderServicePorts, symbols, simulatorRate, images, zipkinPort, prometheusPort);
    }

    private LocalSystemSettings copy(
            List<Integer> orderServicePorts,
            int symbols,
            double simulatorRate,
            ServiceImages images,
            int zipkinPort,
            int prometheusPort) {
        return new LocalSystemSettings(
                dataDirectory,
                kafkaPort,
                kafkaControllerPort,
                dynamoDbPort,
                redisPort,
                elasticsearchPort,
                elasticsearchTransportPort,
                clickHouseHttpPort,
                clickHouseTcpPort,
                flinkRestPort,
                orderServicePorts,
                portfolioServicePort,
                queryServicePort,
                marketDataServicePort,
                gatewayPort,
                gatewayManagementPort,
                gatewayAddress,
                symbols,
                simulatorRate,
                elasticsearchHeap,
                zipkinPort,
                prometheusPort,
                projectDirectory,
                images);
    }

    /**
     * Defaults overridden by {@code --name=value} options, e.g. {@code --kafka-port=19092};
     * {@code --order-service-replicas=2} runs a second order-service (on a free port) behind the gateway;
     * {@code --mode=servers-only} leaves the services out; {@code --images=TAG} runs them from the project's images
     * (mock-trading/MODULE:TAG) in containers instead of from the built jars.
     */
    public static LocalSystemSettings fromOptions(Map<String, String> options) {
        LocalSystemSettings d = defaults(Path.of(options.getOrDefault("data-dir", DATA_DIRECTORY)));
        LocalSystemSettings chosen = new LocalSystemSettings(
                d.dataDirectory().toAbsolutePath(),
                port(options, "kafka-port", d.kafkaPort()),
                port(options, "kafka-controller-port", d.kafkaControllerPort()),
                port(options, "dynamodb-port", d.dynamoDbPort()),
                port(options, "redis-port", d.redisPort()),
                port(options, "elasticsearch-port", d.elasticsearchPort()),
                port(options, "elasticsearch-transport-port", d.elasticsearchTransportPort()),
                port(options, "clickhouse-port", d.clickHouseHttpPort()),
                port(options, "clickhouse-tcp-port", d.clickHouseTcpPort()),
                port(options, "flink-port", d.flinkRestPort()),
                List.of(port(
                        options, "order-service-port", d.orderServicePorts().get(0))),
                port(options, "portfolio-service-port", d.portfolioServicePort()),
                port(options, "query-service-port", d.queryServicePort()),
                port(options, "market-data-service-port", d.marketDataServicePort()),
                port(options, "gateway-port", d.gatewayPort()),
                port(options, "gateway-management-port", d.gatewayManagementPort()),
                options.getOrDefault("gateway-address", d.gatewayAddress()),
                number(options, "symbols", d.symbols()),
                number(options, "simulator-rate", (int) d.simulatorRate()),
                options.getOrDefault("elasticsearch-heap", d.elasticsearchHeap()),
                portOrNone(options, "zipkin-port", d.zipkinPort()),
                portOrNone(options, "prometheus-port", d.prometheusPort()),
                "servers-only".equals(options.get("mode")) ? null : d.projectDirectory(),
                options.containsKey("images") ? new ServiceImages(options.get("images")) : null);
        return chosen.withOrderServiceReplicas(
                number(options, "order-service-replicas", d.orderServicePorts().size()));
    }

    /** A port, or 0 for none of that server. */
    private static int portOrNone(Map<String, String> options, String name, int fallback) {
        return number(options, name, fallback) == 0 ? 0 : port(options, name, fallback);
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        int port = number(options, name, fallback);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--" + name + " must be a port number, was '" + port + "'");
        }
        return port;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number >= 0, was '" + value + "'");
        }
    }
}
