package com.mocktrading.chaos;

import java.time.Duration;

/**
 * The load a scenario runs while it breaks something.
 *
 * @param users concurrent users, each a client placing one order after another
 * @param hotUserClients extra clients that all place orders for one more user at once (0: no hot user)
 * @param symbols how many symbols the users trade (1: a hot symbol)
 * @param sendersPerKey how many connections send each keyed order at the same time (1: one)
 * @param keyedFraction the share of orders sent with an {@code Idempotency-Key}
 * @param requestTimeout how long a client waits for an answer before it treats the request as lost
 * @param liveClients users that also hold a market-data WebSocket through the gateway
 */
record WorkloadShape(
        int users,
        int hotUserClients,
        int symbols,
        int sendersPerKey,
        double keyedFraction,
        Duration requestTimeout,
        int liveClients) {

    /** Many users, most orders keyed, a patient client. */
    static WorkloadShape standard(int users) {
        // Patient beyond the gateway's 15 s route timeout, so that every answer the system gives is heard.
        return new WorkloadShape(users, 0, 20, 1, 0.75, Duration.ofSeconds(20), 0);
    }

    WorkloadShape withLiveClients(int clients) {
        return new WorkloadShape(users, hotUserClients, symbols, sendersPerKey, keyedFraction, requestTimeout, clients);
    }

    WorkloadShape withHotUser(int clients) {
        return new WorkloadShape(users, clients, symbols, sendersPerKey, keyedFraction, requestTimeout, liveClients);
    }

    WorkloadShape withSymbols(int count) {
        return new WorkloadShape(
                users, hotUserClients, count, sendersPerKey, keyedFraction, requestTimeout, liveClients);
    }

    /** Every order keyed and sent from {@code senders} connections at once, by impatient clients. */
    WorkloadShape withDuplicateSenders(int senders, Duration timeout) {
        return new WorkloadShape(users, hotUserClients, symbols, senders, 1.0, timeout, liveClients);
    }
}
