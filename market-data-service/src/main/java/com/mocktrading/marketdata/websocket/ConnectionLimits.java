package com.mocktrading.marketdata.websocket;

import java.time.Duration;

/**
 * What one WebSocket connection may hold.
 *
 * @param maxTopics topics held at once
 * @param maxFrameChars largest client frame answered (larger ones get FRAME_TOO_LARGE, unparsed)
 * @param orderedBacklog replies and order updates waiting for a client that does not read; beyond it the client
 *     is disconnected (price updates never count: they are conflated)
 * @param snapshotTimeout how long a subscription's snapshot read may take
 */
public record ConnectionLimits(int maxTopics, int maxFrameChars, int orderedBacklog, Duration snapshotTimeout) {}
