package com.mocktrading.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.flink.FlinkJarJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the local run, configured for the local servers through their environment, trusting the
 * development token issuer whose key is kept with the data.
 */
final class LocalServices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalServices() {}

    static List<ServiceProcess> of(LocalSystem stack, Path projectDirectory, String version) {
        LocalSystemSettings settings = stack.settings();
        Path logs = settings.dataDirectory().resolve("logs");
        List<ServiceProcess> services = new ArrayList<>();
        List<Integer> orderServicePorts = settings.orderServicePorts();
        for (int replica = 1; replica <= orderServicePorts.size(); replica++) {
            services.add(service(
                    stack,
                    replicaName("order-service", replica),
                    "order-service",
                    projectDirectory,
                    version,
                    orderServicePorts.get(replica - 1),
                    logs));
        }
        services.addAll(List.of(
                service(stack, "portfolio-service", projectDirectory, version, settings.portfolioServicePort(), logs),
                service(stack, "query-service", projectDirectory, version, settings.queryServicePort(), logs),
                service(
                        stack,
                        "market-data-service",
                        projectDirectory,
                        version,
                        settings.marketDataServicePort(),
                        logs),
                new ServiceProcess(
                        "api-gateway",
                        launch(
                                settings,
                                "api-gateway",
                                "api-gateway",
                                settings.gatewayPort(),
                                projectDirectory,
                                version),
                        settings.gatewayPort(),
                        settings.gatewayManagementPort(),
                        traced(gateway(stack), stack, "api-gateway"),
                        logs)));
        return services;
    }

    /** The first replica has the service's name, the others a number: order-service, order-service-2, ... */
    static String replicaName(String service, int replica) {
        return replica == 1 ? service : service + "-" + replica;
    }

    /** What every service is configured with, each store reached on the service's own route. */
    private static Map<String, String> environment(LocalSystem stack, String service) {
        LocalSystemSettings settings = stack.settings();
        Path publicKey = devIssuerDirectory(settings).resolve("public.pem");
        return Map.ofEntries(
                // The services are reached through the gateway (or directly from this machine), never from the LAN.
                Map.entry("SERVER_ADDRESS", LocalSystemSettings.LOOPBACK),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers()),
                Map.entry("MOCKTRADING_STORE_DYNAMO_DB_ENDPOINT", dynamoDb(stack, service)),
                Map.entry("MOCKTRADING_STORE_REDIS_URI", redis(stack, service)),
                Map.entry(
                        "MOCKTRADING_SECURITY_JWT_PUBLIC_KEY_LOCATION",
                        publicKey.toUri().toString()),
                Map.entry("MOCKTRADING_SECURITY_JWT_ISSUER", DevTokenIssuer.ISSUER),
                Map.entry("MOCKTRADING_MARKET_DATA_UNIVERSE_SIZE", Integer.toString(settings.symbols())),
                Map.entry("MOCKTRADING_QUERY_ELASTICSEARCH_URL", elasticsearch(stack, service)),
                Map.entry("MOCKTRADING_QUERY_CLICKHOUSE_URL", clickHouse(stack, service)));
    }

    /**
     * The Flink jobs of the local run, configured for the local servers; with images, each job's jar is the one in
     * its image (the local Flink cluster runs it: the official Flink image cannot run here).
     */
    static List<FlinkJarJob> jobs(LocalSystem stack, Path projectDirectory, String version) {
        List<String> tracing = stack.spansUrl() == null ? List.of() : List.of("--zipkin", stack.spansUrl());
        return List.of(
                job(
                        stack,
                        "execution-job",
                        jobJar(stack.settings(), "flink-execution-job", projectDirectory, version),
                        withAll(
                                tracing,
                                "--kafka",
                                stack.kafka().bootstrapServers(),
                                "--dynamodb",
                                dynamoDb(stack, "execution-job"),
                                "--redis",
                                redis(stack, "execution-job"),
                                "--checkpoint-interval-ms",
                                "2000",
                                "--parallelism",
                                "2")),
                job(
                        stack,
                        "persistence-job",
                        jobJar(stack.settings(), "flink-persistence-job", projectDirectory, version),
                        withAll(
                                tracing,
                                "--kafka",
                                stack.kafka().bootstrapServers(),
                                "--elasticsearch",
                                elasticsearch(stack, "persistence-job"),
                                "--clickhouse",
                                clickHouse(stack, "persistence-job"),
                                "--checkpoint-interval-ms",
                                "2000",
                                "--parallelism",
                                "1")));
    }

    private static List<String> withAll(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all;
    }

    private static Path jobJar(LocalSystemSettings settings, String module, Path projectDirectory, String version) {
        if (settings.images() == null) {
            return projectDirectory.resolve(module + "/target/" + module + "-" + version + "-job.jar");
        }
        return settings.images()
                .copyOut(
                        module,
                        "/opt/flink/usrlib/job.jar",
                        settings.dataDirectory().resolve("images").resolve(module + ".jar"));
    }

    private static FlinkJarJob job(LocalSystem stack, String name, Path jar, List<String> arguments) {
        return new FlinkJarJob(name, jar, stack.flink().restUrl(), stack.flink().checkpointDirectory(), arguments);
    }

    /**
     * The gateway in front of the services, in the local profile: it also hands out development tokens, signed
     * with the key whose public half the services trust.
     */
    private static Map<String, String> gateway(LocalSystem stack) {
        LocalSystemSettings settings = stack.settings();
        Path issuer = devIssuerDirectory(settings);
        return Map.ofEntries(
                Map.entry("SERVER_ADDRESS", settings.gatewayAddress()),
                // Every local client comes from loopback: one address, so its limit is the machine's, not a user's.
                Map.entry("MOCKTRADING_GATEWAY_RATE_LIMIT_PER_ADDRESS_CAPACITY", "100000"),
                Map.entry("MOCKTRADING_GATEWAY_RATE_LIMIT_PER_ADDRESS_REFILL_PER_SECOND", "100000"),
                Map.entry("SPRING_PROFILES_ACTIVE", "local"),
                // The gateway balances over every replica: the instance list replaces its one ORDER_SERVICE_URL.
                Map.entry("SPRING_APPLICATION_JSON", orderServiceInstances(settings)),
                Map.entry("PORTFOLIO_SERVICE_URL", "http://127.0.0.1:" + settings.portfolioServicePort()),
                Map.entry("QUERY_SERVICE_URL", "http://127.0.0.1:" + settings.queryServicePort()),
                Map.entry("MARKET_DATA_SERVICE_URL", "http://127.0.0.1:" + settings.marketDataServicePort()),
                Map.entry("MARKET_DATA_WEBSOCKET_URL", "ws://127.0.0.1:" + settings.marketDataServicePort()),
                Map.entry(
                        "MOCKTRADING_SECURITY_JWT_PUBLIC_KEY_LOCATION",
                        issuer.resolve("public.pem").toUri().toString()),
                Map.entry("MOCKTRADING_SECURITY_JWT_ISSUER", DevTokenIssuer.ISSUER),
                Map.entry(
                        "MOCKTRADING_DEV_TOKEN_KEY_LOCATION",
                        issuer.resolve("signing-key.jwk.json").toUri().toString()),
                Map.entry("MOCKTRADING_GATEWAY_RATE_LIMIT_REDIS_URI", redis(stack, "api-gateway")));
    }

    private static String orderServiceInstances(LocalSystemSettings settings) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode instances = json.putObject("spring")
                .putObject("cloud")
                .putObject("discovery")
                .putObject("client")
                .putObject("simple")
                .putObject("instances")
                .putArray("order-service");
        settings.orderServicePorts().forEach(port -> instances.addObject().put("uri", "http://127.0.0.1:" + port));
        return json.toString();
    }

    /**
     * The simulated feed, unless the run was asked for none ({@code --simulator-rate=0}): on a thread of the
     * launcher, or with images the simulator's image, ready when its health endpoint says it publishes.
     */
    static List<LocalServer> feeds(LocalSystem stack) {
        LocalSystemSettings settings = stack.settings();
        if (settings.simulatorRate() <= 0) {
            return List.of();
        }
        String kafka = stack.kafka().bootstrapServers();
        if (settings.images() == null) {
            return List.of(new LocalPriceSimulator(kafka, settings.symbols(), settings.simulatorRate()));
        }
        int healthPort = FreePorts.next();
        ServiceLaunch image = new ServiceLaunch.Image(
                settings.images(),
                "price-simulator",
                containerName("price-simulator", healthPort),
                List.of(),
                List.of(
                        "--kafka=" + kafka,
                        "--symbols=" + settings.symbols(),
                        "--rate=" + settings.simulatorRate(),
                        "--health-port=" + healthPort));
        return List.of(new ServiceProcess(
                "price-simulator",
                image,
                healthPort,
                healthPort,
                "/health",
                Map.of(),
                settings.dataDirectory().resolve("logs")));
    }

    private static String dynamoDb(LocalSystem stack, String client) {
        return stack.routeTo(client, "dynamodb", stack.dynamoDb().endpointUrl());
    }

    private static String redis(LocalSystem stack, String client) {
        return stack.routeTo(client, "redis", stack.redis().uri());
    }

    private static String elasticsearch(LocalSystem stack, String client) {
        return stack.routeTo(client, "elasticsearch", stack.elasticsearch().httpUrl());
    }

    private static String clickHouse(LocalSystem stack, String client) {
        return stack.routeTo(client, "clickhouse", stack.clickHouse().httpUrl());
    }

    static Path devIssuerDirectory(LocalSystemSettings settings) {
        return settings.dataDirectory().resolve("dev-issuer");
    }

    private static ServiceProcess service(
            LocalSystem stack, String name, Path projectDirectory, String version, int port, Path logs) {
        return service(stack, name, name, projectDirectory, version, port, logs);
    }

    /** {@code name} runs {@code service}'s jar: replicas of one service share its jar and its routes to the stores. */
    private static ServiceProcess service(
            LocalSystem stack,
            String name,
            String service,
            Path projectDirectory,
            String version,
            int port,
            Path logs) {
        // The other services answer their probes on their one port.
        return new ServiceProcess(
                name,
                launch(stack.settings(), name, service, port, projectDirectory, version),
                port,
                port,
                traced(environment(stack, service), stack, service),
                logs);
    }

    /** {@code environment} and the agent's, for a process of {@code service}. */
    private static Map<String, String> traced(Map<String, String> environment, LocalSystem stack, String service) {
        Map<String, String> traced = new LinkedHashMap<>(environment);
        traced.putAll(Telemetry.environment(service, stack.spansUrl()));
        return traced;
    }

    /** {@code service}'s boot jar, or its image, which reads the development issuer's keys from the data directory. */
    private static ServiceLaunch launch(
            LocalSystemSettings settings,
            String name,
            String service,
            int port,
            Path projectDirectory,
            String version) {
        if (settings.images() == null) {
            return new ServiceLaunch.Jar(
                    projectDirectory.resolve(service).resolve("target").resolve(service + "-" + version + ".jar"),
                    Telemetry.agentOptions(projectDirectory));
        }
        return new ServiceLaunch.Image(
                settings.images(),
                service,
                containerName(name, port),
                List.of(devIssuerDirectory(settings)),
                List.of());
    }

    /** Unique on this machine: two runs never share a port. */
    private static String containerName(String name, int port) {
        return "mock-trading-" + name + "-" + port;
    }
}
