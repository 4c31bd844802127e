package com.mocktrading.marketdata.websocket;

import java.time.Duration;

/**
 * What one WebSocket connection may hold.
 *
 * @param maxTopics topics held at once
 * @param maxFrameBytes largest client frame answered, in bytes on the wire (larger ones get FRAME_TOO_LARGE,
 *     unparsed)
 * @param orderedBacklog replies and order updates waiting for a client that does not read; beyond it the client
 *     is disconnected (price updates never count: they are conflated)
 * @param orderedBacklogChars the same bound in characters, so a backlog of large frames is bounded too
 * @param snapshotTimeout how long a subscription's snapshot read may take
 * @param maxConnectionsPerUser connections one user may hold on this instance; more are refused at once
 */
public record ConnectionLimits(
        int maxTopics,
        int maxFrameBytes,
        int orderedBacklog,
        long orderedBacklogChars,
        Duration snapshotTimeout,
        int maxConnectionsPerUser) {}
