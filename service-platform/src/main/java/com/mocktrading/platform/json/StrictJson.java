package com.mocktrading.platform.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every service reads JSON: an object with the same field twice (say {@code "quantity":1,"quantity":2}) is
 * refused, never read as whichever value came last, so no two readers of one document can disagree about it.
 */
public final class StrictJson {

    private StrictJson() {}

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** A mapper for parsers outside Spring's request binding (WebSocket frames, cursors). */
    public static JsonMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }
}
