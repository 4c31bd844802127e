package com.mocktrading.marketdata.websocket;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open client connections of this instance, for metrics and for re-sending prices after a Redis outage. */
public final class Connections {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

    /** Counts a new connection of the user unless the user holds {@code max} already. */
    boolean admit(String userId, int max) {
        boolean[] admitted = {false};
        perUser.compute(userId, (user, count) -> {
            int held = count == null ? 0 : count;
            admitted[0] = held < max;
            return admitted[0] ? held + 1 : held;
        });
        return admitted[0];
    }

    void add(ClientConnection connection) {
        open.add(connection);
    }

    /** Ends an admitted connection. */
    void remove(ClientConnection connection) {
        open.remove(connection);
        perUser.computeIfPresent(connection.userId(), (user, count) -> count <= 1 ? null : count - 1);
    }

    public int count() {
        return open.size();
    }

    /** The topics all clients of this instance hold. */
    public int subscriptions() {
        return open.stream().mapToInt(ClientConnection::topicCount).sum();
    }

    /** The most frames any one client has waiting: bounded by its topics plus the ordered backlog. */
    public int maxWaitingFrames() {
        return open.stream().mapToInt(ClientConnection::waitingFrames).max().orElse(0);
    }

    /** After the Redis subscription came back: re-sends what each client may have missed since {@code lostAt}. */
    public void refreshAll(Instant lostAt) {
        open.forEach(connection -> connection.refresh(lostAt));
    }
}
