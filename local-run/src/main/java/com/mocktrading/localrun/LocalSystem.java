package com.mocktrading.localrun;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.clickhouse.ClickHouseServer;
import com.mocktrading.localstack.dynamodb.DynamoDbLocalProcess;
import com.mocktrading.localstack.elasticsearch.ElasticsearchServer;
import com.mocktrading.localstack.flink.FlinkClusterProcess;
import com.mocktrading.localstack.kafka.KafkaBrokerProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import com.mocktrading.localstack.redis.RedisServer;
import com.mocktrading.schema.SchemaBootstrap;
import com.mocktrading.schema.SchemaTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every server of the system with its data kept under one directory, each in a process of its own, started in
 * dependency order and stopped in reverse, with the schemas bootstrapped; a process that ends without being
 * stopped is restarted ({@link Supervisor}). What {@code ./run-local.sh} runs. Optionally with a
 * {@link FaultProxies fault proxy} between the services and jobs and each store.
 */
public final class LocalSystem implements AutoCloseable {

    private final LocalSystemSettings settings;
    private final KafkaBrokerProcess kafka;
    private final DynamoDbLocalProcess dynamoDb;
    private final RedisServer redis;
    private final ElasticsearchServer elasticsearch;
    private final ClickHouseServer clickHouse;
    private final FlinkClusterProcess flink;
    private final FaultProxies faultProxies;
    private final ZipkinServer zipkin;
    private final List<LocalServer> started = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private final Supervisor supervisor = new Supervisor(this::servers);

    public LocalSystem(LocalSystemSettings settings) {
        this(settings, false);
    }

    /** @param withFaultProxies whether the services and jobs reach the stores through {@link FaultProxies} */
    public LocalSystem(LocalSystemSettings settings, boolean withFaultProxies) {
        this.settings = settings;
        Path data = settings.dataDirectory();
        Path logs = data.resolve("logs");
        kafka = new KafkaBrokerProcess(
                settings.kafkaPort(), settings.kafkaControllerPort(), data.resolve("kafka"), logs.resolve("kafka.log"));
        dynamoDb = new DynamoDbLocalProcess(
                settings.dynamoDbPort(), data.resolve("dynamodb"), logs.resolve("dynamodb.log"));
        redis = new RedisServer(settings.redisPort(), data.resolve("redis"), true);
        elasticsearch = new ElasticsearchServer(
                settings.elasticsearchPort(),
                settings.elasticsearchTransportPort(),
                data.resolve("elasticsearch"),
                settings.elasticsearchHeap());
        clickHouse = new ClickHouseServer(
                settings.clickHouseHttpPort(), settings.clickHouseTcpPort(), data.resolve("clickhouse"));
        flink = new FlinkClusterProcess(
                settings.flinkRestPort(),
                4,
                data.resolve("flink/checkpoints"),
                logs.resolve("flink.log"),
                settings.prometheusPort() == 0 ? 0 : FreePorts.next());
        faultProxies = withFaultProxies ? new FaultProxies() : null;
        zipkin = settings.zipkinPort() == 0 || settings.projectDirectory() == null
                ? null
                : new ZipkinServer(
                        Telemetry.zipkinJar(settings.projectDirectory()),
                        settings.zipkinPort(),
                        logs.resolve("zipkin.log"));
    }

    /**
     * Starts every server, bootstraps the schemas, then starts the services (unless running servers only);
     * on any failure stops what had started.
     */
    public List<String> start() throws Exception {
        refuseTakenPorts();
        try {
            for (LocalServer server : List.of(kafka, dynamoDb, redis, elasticsearch, clickHouse, flink)) {
                startTimed(server);
            }
            List<String> report = bootstrapSchemas();
            if (faultProxies != null) {
                faultProxies.start(Map.of(
                        "dynamodb", dynamoDb.endpointUrl(),
                        "redis", redis.uri(),
                        "elasticsearch", elasticsearch.httpUrl(),
                        "clickhouse", clickHouse.httpUrl()));
            }
            if (zipkin != null) {
                startTimed(zipkin);
            }
            if (settings.projectDirectory() != null) {
                DevTokenIssuer.loadOrCreate(LocalServices.devIssuerDirectory(settings));
                for (LocalServer service : LocalServices.of(this, settings.projectDirectory(), projectVersion())) {
                    startTimed(service);
                }
                for (LocalServer job : LocalServices.jobs(this, settings.projectDirectory(), projectVersion())) {
                    startTimed(job);
                }
                for (LocalServer feed : LocalServices.feeds(this)) {
                    startTimed(feed);
                }
            }
            if (settings.prometheusPort() != 0) {
                startTimed(new PrometheusServer(
                        settings.prometheusPort(),
                        settings.dataDirectory().resolve("prometheus"),
                        Telemetry.alertRules(
                                settings.projectDirectory() == null
                                        ? Path.of("").toAbsolutePath()
                                        : settings.projectDirectory()),
                        scrapeTargets(),
                        settings.dataDirectory().resolve("logs/prometheus.log")));
            }
            supervisor.start();
            return report;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Every metrics endpoint of the run: each service's (replicas under one job) and the Flink cluster's. */
    private Map<String, List<String>> scrapeTargets() {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        targets.put("flink", List.of(flink.metricsUrl()));
        if (settings.projectDirectory() == null) {
            return targets;
        }
        for (LocalServer server : started) {
            if (server instanceof ServiceProcess service && service.metricsUrl() != null) {
                targets.computeIfAbsent(service.service(), name -> new ArrayList<>())
                        .add(service.metricsUrl());
            }
        }
        return targets;
    }

    /** The schemas, by the schema bootstrap's image when the services run from images (it is one of them). */
    private List<String> bootstrapSchemas() throws Exception {
        if (settings.images() == null || settings.projectDirectory() == null) {
            return new SchemaBootstrap(schemaTargets()).apply();
        }
        SchemaTargets targets = schemaTargets();
        return settings.images()
                .runToEnd(
                        "schema-bootstrap",
                        List.of(
                                "--kafka=" + targets.kafkaBootstrapServers(),
                                "--dynamodb=" + targets.dynamoDbEndpoint(),
                                "--elasticsearch=" + targets.elasticsearchUrl(),
                                "--clickhouse=" + targets.clickHouseUrl(),
                                "--replication-factor=" + targets.replicationFactor()));
    }

    /** The development token issuer the services of this run trust. */
    public DevTokenIssuer devTokenIssuer() {
        return DevTokenIssuer.loadOrCreate(LocalServices.devIssuerDirectory(settings));
    }

    private void startTimed(LocalServer server) {
        long begin = System.nanoTime();
        server.start();
        started.add(server);
        startupTimes.put(server.name(), Duration.ofNanos(System.nanoTime() - begin));
    }

    /** The version of the built jars this checkout runs. */
    static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LocalSystem.class.getResourceAsStream("/local-run.properties")) {
            properties.load(in);
        }
        return properties.getProperty("project.version");
    }

    @Override
    public void close() {
        supervisor.close();
        List<LocalServer> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (LocalServer server : reversed) {
            server.stop();
        }
        started.clear();
        if (faultProxies != null) {
            faultProxies.close();
        }
    }

    /**
     * A power cut of the whole process tree: every process of the stack gets SIGKILL at the same moment, nothing
     * is stopped cleanly and nothing restarts; what runs in this JVM (the fault proxies, the simulated feed) ends
     * too. A new stack on the same data directory then recovers what the killed one left.
     */
    public void killEverything() {
        supervisor.close();
        List<ProcessHandle> tree = new ArrayList<>();
        for (LocalServer server : started) {
            if (server instanceof ProcessBackedServer process) {
                process.processHandle().ifPresent(root -> {
                    tree.addAll(root.descendants().toList());
                    tree.add(root);
                });
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
        if (faultProxies != null) {
            faultProxies.close();
        }
        close();
    }

    /**
     * Restarts the service process {@code name} (one replica) with its wall clock {@code ahead} of the machine's
     * (zero: in step again), as on a machine whose clock drifted.
     */
    public void restartWithClockAhead(String name, Duration ahead) {
        if (!(server(name) instanceof ServiceProcess process)) {
            throw new IllegalArgumentException(name + " is not a service");
        }
        supervisor.hold(name);
        try {
            process.stop();
            process.skewClock(ahead);
            process.start();
        } finally {
            supervisor.release(name);
        }
    }

    /** The names of the processes that run {@code service}: itself, and its numbered replicas if it has any. */
    public List<String> replicasOf(String service) {
        List<String> replicas = started.stream()
                .map(LocalServer::name)
                .filter(name -> name.equals(service) || name.matches(Pattern.quote(service) + "-\\d+"))
                .toList();
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no server named '" + service + "'");
        }
        return replicas;
    }

    /** The started server (or service, job, feed) called {@code name}. */
    public LocalServer server(String name) {
        return started.stream()
                .filter(server -> server.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server named '" + name + "'"));
    }

    /** Restarts what ends unexpectedly; fault injection holds servers down through it. */
    public Supervisor supervisor() {
        return supervisor;
    }

    /** The proxies between the processes and the stores, if this stack was started with them. */
    public FaultProxies faultProxies() {
        if (faultProxies == null) {
            throw new IllegalStateException("this stack was started without fault proxies");
        }
        return faultProxies;
    }

    /** Where {@code client} (a service or job) reaches {@code store} at {@code url}: through a fault proxy, if any. */
    String routeTo(String client, String store, String url) {
        return faultProxies == null ? url : faultProxies.route(client, store, url);
    }

    public List<LocalServer> servers() {
        return List.copyOf(started);
    }

    public Map<String, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public SchemaTargets schemaTargets() {
        return new SchemaTargets(
                kafka.bootstrapServers(), dynamoDb.endpointUrl(), elasticsearch.httpUrl(), clickHouse.httpUrl(), (short)
                        1);
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public DynamoDbLocalProcess dynamoDb() {
        return dynamoDb;
    }

    public RedisServer redis() {
        return redis;
    }

    public ElasticsearchServer elasticsearch() {
        return elasticsearch;
    }

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    public FlinkClusterProcess flink() {
        return flink;
    }

    /** Where the services and jobs send their spans: Zipkin's span endpoint, or null when the run has no trace UI. */
    String spansUrl() {
        return zipkin == null ? null : zipkin.spansUrl();
    }

    public LocalSystemSettings settings() {
        return settings;
    }

    private void refuseTakenPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "kafka-port");
        ports.put(settings.kafkaControllerPort(), "kafka-controller-port");
        ports.put(settings.dynamoDbPort(), "dynamodb-port");
        ports.put(settings.redisPort(), "redis-port");
        ports.put(settings.elasticsearchPort(), "elasticsearch-port");
        ports.put(settings.elasticsearchTransportPort(), "elasticsearch-transport-port");
        ports.put(settings.clickHouseHttpPort(), "clickhouse-port");
        ports.put(settings.clickHouseTcpPort(), "clickhouse-tcp-port");
        ports.put(settings.flinkRestPort(), "flink-port");
        if (settings.zipkinPort() != 0) {
            ports.put(settings.zipkinPort(), "zipkin-port");
        }
        if (settings.prometheusPort() != 0) {
            ports.put(settings.prometheusPort(), "prometheus-port");
        }
        if (settings.projectDirectory() != null) {
            settings.orderServicePorts().forEach(port -> ports.put(port, "order-service-port"));
            ports.put(settings.portfolioServicePort(), "portfolio-service-port");
            ports.put(settings.queryServicePort(), "query-service-port");
            ports.put(settings.marketDataServicePort(), "market-data-service-port");
            ports.put(settings.gatewayPort(), "gateway-port");
            ports.put(settings.gatewayManagementPort(), "gateway-management-port");
        }
        ports.forEach((port, option) -> {
            if (FreePorts.isInUse(port)) {
                throw new IllegalStateException("port " + port + " is already in use (is another local run up?):"
                        + " stop what listens there or choose another with --" + option + "=PORT");
            }
        });
    }
}
