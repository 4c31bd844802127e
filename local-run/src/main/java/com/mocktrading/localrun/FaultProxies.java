package com.mocktrading.localrun;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.fault.FaultProxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FaultProxy} on each route from a process of the system (a service or a job) to a store (DynamoDB,
 * Redis, Elasticsearch, ClickHouse), for runs that break the network on purpose: one route, or every route to a
 * store. Kafka is reached directly: a broker tells its clients where to connect, so a proxy in front of it would
 * be bypassed after the first request; it is stopped instead. The ports are chosen once, so a restarted stack puts
 * its proxies where its processes look for them.
 */
public final class FaultProxies implements AutoCloseable {

    public static final List<String> STORES = List.of("dynamodb", "redis", "elasticsearch", "clickhouse");
    public static final List<String> CLIENTS = List.of(
            "order-service",
            "portfolio-service",
            "query-service",
            "market-data-service",
            "api-gateway",
            "execution-job",
            "persistence-job");

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, FaultProxy> running = new LinkedHashMap<>();

    FaultProxies() {
        for (String client : CLIENTS) {
            for (String store : STORES) {
                ports.put(route(client, store), FreePorts.next());
            }
        }
    }

    /** Starts every route's proxy in front of the store's server at {@code targets} (store name to URL). */
    synchronized void start(Map<String, String> targets) {
        for (String client : CLIENTS) {
            targets.forEach((store, url) -> {
                URI target = URI.create(url);
                FaultProxy.Framing framing = "redis".equals(store) ? FaultProxy.Framing.BYTES : FaultProxy.Framing.HTTP;
                String route = route(client, store);
                running.put(
                        route, FaultProxy.start(route, ports.get(route), target.getHost(), target.getPort(), framing));
            });
        }
    }

    /** The URL {@code client} uses for {@code store} at {@code url}: the server's own, with its proxy's port. */
    String route(String client, String store, String url) {
        Integer port = ports.get(route(client, store));
        if (port == null) {
            throw new IllegalArgumentException("no route from " + client + " to " + store);
        }
        return URI.create(url).getScheme() + "://127.0.0.1:" + port;
    }

    /** The proxy between {@code client} and {@code store}. */
    public synchronized FaultProxy between(String client, String store) {
        FaultProxy proxy = running.get(route(client, store));
        if (proxy == null) {
            throw new IllegalArgumentException("no fault proxy between '" + client + "' and '" + store + "'; clients "
                    + CLIENTS + ", stores " + STORES);
        }
        return proxy;
    }

    /** Every route's proxy to {@code store}. */
    public synchronized List<FaultProxy> to(String store) {
        if (!STORES.contains(store)) {
            throw new IllegalArgumentException("no store '" + store + "'; stores are " + STORES);
        }
        return CLIENTS.stream().map(client -> between(client, store)).toList();
    }

    @Override
    public synchronized void close() {
        running.values().forEach(FaultProxy::close);
        running.clear();
    }

    private static String route(String client, String store) {
        return client + "->" + store;
    }
}
