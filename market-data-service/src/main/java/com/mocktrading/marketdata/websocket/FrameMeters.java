package com.mocktrading.marketdata.websocket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket's RED metrics per message type: {@code marketdata.frames{direction=in|out, type=...}} for every
 * frame received and sent, {@code marketdata.frames.rejected{code}} for a client frame refused, and
 * {@code marketdata.frames.conflated} for a price frame a newer one replaced before a slow client took it. Counted
 * on the path of every price frame, so the counters are made once and a frame's type is matched without allocating.
 */
final class FrameMeters {

    private static final String FRAMES = "marketdata.frames";
    private static final String TYPE_PREFIX = "{\"type\":\"";
    /** What the server sends ({@link ServerFrames}), each frame naming its type first. */
    private static final List<String> SERVER_TYPES =
            List.of("price_update", "order_update", "subscribed", "unsubscribed", "pong", "error");

    private final MeterRegistry meters;
    private final Map<String, Counter> sent = new LinkedHashMap<>();
    private final Counter sentOther;
    private final Counter subscribes;
    private final Counter unsubscribes;
    private final Counter pings;
    private final Counter conflated;

    FrameMeters(MeterRegistry meters) {
        this.meters = meters;
        for (String type : SERVER_TYPES) {
            sent.put(type, meters.counter(FRAMES, "direction", "out", "type", type));
        }
        sentOther = meters.counter(FRAMES, "direction", "out", "type", "other");
        subscribes = meters.counter(FRAMES, "direction", "in", "type", "subscribe");
        unsubscribes = meters.counter(FRAMES, "direction", "in", "type", "unsubscribe");
        pings = meters.counter(FRAMES, "direction", "in", "type", "ping");
        conflated = Counter.builder("marketdata.frames.conflated")
                .description("price frames replaced by a newer price before a slow client took them")
                .register(meters);
    }

    void received(ClientFrame frame) {
        Counter counter = frame instanceof ClientFrame.Subscribe
                ? subscribes
                : frame instanceof ClientFrame.Unsubscribe ? unsubscribes : pings;
        counter.increment();
    }

    /** A frame handed to the connection. */
    void sent(String frame) {
        if (!frame.startsWith(TYPE_PREFIX)) {
            sentOther.increment();
            return;
        }
        for (Map.Entry<String, Counter> type : sent.entrySet()) {
            String name = type.getKey();
            if (frame.startsWith(name, TYPE_PREFIX.length())
                    && frame.length() > TYPE_PREFIX.length() + name.length()
                    && frame.charAt(TYPE_PREFIX.length() + name.length()) == '"') {
                type.getValue().increment();
                return;
            }
        }
        sentOther.increment();
    }

    void rejected(String code) {
        meters.counter("marketdata.frames.rejected", "code", code).increment();
    }

    void conflated() {
        conflated.increment();
    }
}
