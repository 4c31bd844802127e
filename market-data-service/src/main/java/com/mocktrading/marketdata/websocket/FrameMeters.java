package com.mocktrading.marketdata.websocket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The WebSocket's RED metrics per message type: {@code marketdata.frames{direction=in|out, type=...}} for every
 * frame received and sent, {@code marketdata.frames.rejected{code}} for a client frame refused, and
 * {@code marketdata.frames.conflated} for a price frame a newer one replaced before a slow client took it.
 */
final class FrameMeters {

    private static final String TYPE_PREFIX = "{\"type\":\"";

    private final MeterRegistry meters;
    private final Counter conflated;

    FrameMeters(MeterRegistry meters) {
        this.meters = meters;
        this.conflated = Counter.builder("marketdata.frames.conflated")
                .description("price frames replaced by a newer price before a slow client took them")
                .register(meters);
    }

    void received(ClientFrame frame) {
        String type = frame instanceof ClientFrame.Subscribe
                ? "subscribe"
                : frame instanceof ClientFrame.Unsubscribe ? "unsubscribe" : "ping";
        meters.counter("marketdata.frames", "direction", "in", "type", type).increment();
    }

    /** A frame handed to the connection; every server frame names its type first ({@link ServerFrames}). */
    void sent(String frame) {
        int end = frame.startsWith(TYPE_PREFIX) ? frame.indexOf('"', TYPE_PREFIX.length()) : -1;
        String type = end < 0 ? "unknown" : frame.substring(TYPE_PREFIX.length(), end);
        meters.counter("marketdata.frames", "direction", "out", "type", type).increment();
    }

    void rejected(String code) {
        meters.counter("marketdata.frames.rejected", "code", code).increment();
    }

    void conflated() {
        conflated.increment();
    }
}
