package com.mocktrading.marketdata.websocket;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open client connections of this instance, for metrics and for re-sending prices after a Redis outage. */
public final class Connections {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();

    void add(ClientConnection connection) {
        open.add(connection);
    }

    void remove(ClientConnection connection) {
        open.remove(connection);
    }

    public int count() {
        return open.size();
    }

    /** The most frames any one client has waiting: bounded by its topics plus the ordered backlog. */
    public int maxWaitingFrames() {
        return open.stream().mapToInt(ClientConnection::waitingFrames).max().orElse(0);
    }

    /** Per-user view for tests and diagnostics: waiting frames and conflated updates of each connection. */
    public List<ConnectionStats> stats() {
        return open.stream()
                .map(c -> new ConnectionStats(c.userId(), c.topicCount(), c.waitingFrames(), c.conflatedUpdates()))
                .toList();
    }

    public void refreshAll() {
        open.forEach(ClientConnection::refresh);
    }

    public record ConnectionStats(String userId, int topics, int waitingFrames, long conflatedUpdates) {}
}
