package com.mocktrading.marketdata.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientFrameParserTest {

    private final ClientFrameParser parser = new ClientFrameParser(200, 3);

    @Test
    void readsTheThreeFrameTypes() throws FrameRejected {
        assertThat(parser.parse("{\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"orders\",\"prices:ACME\"]}"))
                .isEqualTo(new ClientFrame.Subscribe(java.util.List.of("prices:ACME", "orders")));
        assertThat(parser.parse("{\"type\":\"unsubscribe\",\"topics\":[\"orders\"],\"extra\":1}"))
                .isEqualTo(new ClientFrame.Unsubscribe(java.util.List.of("orders")));
        assertThat(parser.parse("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
    }

    @Test
    void refusesWithAStableCode() {
        assertRejected("", FrameRejected.BAD_FRAME);
        assertRejected("nope", FrameRejected.BAD_FRAME);
        assertRejected("\"subscribe\"", FrameRejected.BAD_FRAME);
        assertRejected("{\"type\":1}", FrameRejected.BAD_FRAME);
        assertRejected("{\"type\":\"subscribe\",\"topics\":\"orders\"}", FrameRejected.BAD_FRAME);
        assertRejected("{\"type\":\"subscribe\",\"topics\":[null]}", FrameRejected.BAD_FRAME);
        assertRejected("{\"type\":\"SUBSCRIBE\",\"topics\":[\"orders\"]}", FrameRejected.UNKNOWN_TYPE);
        assertRejected("{\"type\":\"subscribe\",\"topics\":[\"a\",\"b\",\"c\",\"d\"]}", FrameRejected.TOO_MANY_TOPICS);
        assertRejected("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(200) + "\"}", FrameRejected.FRAME_TOO_LARGE);
        // 120 characters, 240 bytes on the wire: the limit is the bytes.
        assertRejected("{\"type\":\"ping\",\"pad\":\"" + "\u00e9".repeat(100) + "\"}", FrameRejected.FRAME_TOO_LARGE);
    }

    private void assertRejected(String frame, String code) {
        assertThatThrownBy(() -> parser.parse(frame))
                .isInstanceOf(FrameRejected.class)
                .satisfies(e -> assertThat(((FrameRejected) e).code()).isEqualTo(code));
    }
}
