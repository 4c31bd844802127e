package com.mocktrading.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {

    private static final SearchCursor POSITION =
            new SearchCursor(Instant.parse("2026-11-24T03:00:00.123Z"), "e-7f3a\"quoted\"");

    @Test
    void roundTripsThePositionForTheSameFilters() {
        String cursor = CursorCodec.encode(POSITION, "fp");

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode(cursor, "fp")).isEqualTo(POSITION);
    }

    @Test
    void holdsASmallVersionedDocument() {
        String json =
                new String(Base64.getUrlDecoder().decode(CursorCodec.encode(POSITION, "fp")), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"v\":1,\"t\":1795489200123,\"id\":\"e-7f3a\\\"quoted\\\"\",\"f\":\"fp\"}");
    }

    @Test
    void refusesACursorIssuedForOtherFilters() {
        String cursor = CursorCodec.encode(POSITION, "fp");

        assertThatThrownBy(() -> CursorCodec.decode(cursor, "other"))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("other filters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not base64!",
                "bm90IGpzb24", // "not json"
                "WzEsMl0", // [1,2]
                "bnVsbA", // null
            })
    void refusesGarbage(String cursor) {
        assertThatThrownBy(() -> CursorCodec.decode(cursor, "fp")).isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"t\":1,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":2,\"t\":1,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":\"1\",\"t\":1,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":1.5,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":\"1\",\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":-1,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":99999999999999999999,\"id\":\"e\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":1,\"f\":\"fp\"}",
                "{\"v\":1,\"t\":1,\"id\":\"\",\"f\":\"fp\"}",
                "{\"v\":1,\"t\":1,\"id\":7,\"f\":\"fp\"}",
                "{\"v\":1,\"t\":1,\"id\":\"e\"}",
                "{\"v\":1,\"t\":1,\"id\":\"e\",\"f\":\"tampered\"}",
            })
    void refusesMalformedOrTamperedContent(String json) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CursorCodec.decode(cursor, "fp")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void refusesOverlongCursorsBeforeDecodingThem() {
        assertThatThrownBy(() -> CursorCodec.decode("A".repeat(CursorCodec.MAX_LENGTH + 1), "fp"))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("longer than");
    }
}
