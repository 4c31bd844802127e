package com.mocktrading.marketdata.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FrameMeters meters = new FrameMeters(registry);

    @Test
    void countsEveryFrameByDirectionAndType() {
        meters.sent(ServerFrames.priceUpdate("prices:ACME", "{\"symbol\":\"ACME\"}"));
        meters.sent(ServerFrames.priceUpdate("prices:ACME", "{\"symbol\":\"ACME\"}"));
        meters.sent(ServerFrames.subscribed(List.of("prices:ACME")));
        meters.sent(ServerFrames.unsubscribed(List.of("prices:ACME")));
        meters.sent(ServerFrames.error("FRAME_TOO_LARGE", "too large"));
        meters.sent("not a frame");
        meters.received(new ClientFrame.Subscribe(List.of("prices:ACME")));
        meters.received(new ClientFrame.Ping());

        assertThat(count("out", "price_update")).isEqualTo(2);
        assertThat(count("out", "subscribed")).isEqualTo(1);
        assertThat(count("out", "unsubscribed")).isEqualTo(1);
        assertThat(count("out", "error")).isEqualTo(1);
        assertThat(count("out", "other")).isEqualTo(1);
        assertThat(count("in", "subscribe")).isEqualTo(1);
        assertThat(count("in", "ping")).isEqualTo(1);
        assertThat(count("in", "unsubscribe")).isZero();
    }

    private double count(String direction, String type) {
        return registry.get("marketdata.frames")
                .tag("direction", direction)
                .tag("type", type)
                .counter()
                .count();
    }
}
