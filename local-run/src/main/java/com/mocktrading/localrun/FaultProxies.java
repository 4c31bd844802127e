package com.mocktrading.localrun;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.fault.FaultProxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link FaultProxy} in front of each store the services and jobs use (DynamoDB, Redis, Elasticsearch,
 * ClickHouse), for runs that break the network on purpose. Kafka is reached directly: a broker tells its clients
 * where to connect, so a proxy in front of it would be bypassed after the first request; it is stopped instead.
 * The ports are chosen once, so a restarted stack puts its proxies where its processes look for them.
 */
public final class FaultProxies implements AutoCloseable {

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, FaultProxy> running = new LinkedHashMap<>();

    FaultProxies() {
        for (String store : new String[] {"dynamodb", "redis", "elasticsearch", "clickhouse"}) {
            ports.put(store, FreePorts.next());
        }
    }

    /** Starts the proxy of each store in front of the server at {@code targets} (name to URL). */
    synchronized void start(Map<String, String> targets) {
        targets.forEach((store, url) -> {
            URI target = URI.create(url);
            FaultProxy.Framing framing = "redis".equals(store) ? FaultProxy.Framing.BYTES : FaultProxy.Framing.HTTP;
            running.put(store, FaultProxy.start(store, ports.get(store), target.getHost(), target.getPort(), framing));
        });
    }

    /** The URL a process uses for {@code store}: the server's own, with the proxy's port. */
    String route(String store, String url) {
        URI direct = URI.create(url);
        return direct.getScheme() + "://127.0.0.1:" + ports.get(store);
    }

    /** The proxy in front of {@code store}. */
    public synchronized FaultProxy proxy(String store) {
        FaultProxy proxy = running.get(store);
        if (proxy == null) {
            throw new IllegalArgumentException(
                    "no fault proxy in front of '" + store + "'; there are " + ports.keySet());
        }
        return proxy;
    }

    public synchronized Map<String, FaultProxy> all() {
        return Map.copyOf(running);
    }

    @Override
    public synchronized void close() {
        running.values().forEach(FaultProxy::close);
        running.clear();
    }
}
