package com.mocktrading.events;

import java.io.Serializable;

/**
 * W3C trace context carried across Kafka. The strings are passed through unparsed: a malformed
 * traceparent must cost us a broken trace, never a rejected trade.
 *
 * @param traceparent the {@code traceparent} header value, required
 * @param tracestate the {@code tracestate} header value, or null when absent
 */
public record TraceContext(String traceparent, String tracestate) implements Serializable {

    /** The Kafka record header (and HTTP header) names of W3C trace context, beside the event's own copy. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    public static final String TRACESTATE_HEADER = "tracestate";

    public TraceContext {
        Checks.nonBlank(traceparent, "traceparent");
    }

    public static TraceContext of(String traceparent) {
        return new TraceContext(traceparent, null);
    }

    /**
     * The trace id ({@code version-traceid-spanid-flags}), for finding the trace and its log lines; null when the
     * traceparent is malformed.
     */
    public String traceId() {
        String[] parts = traceparent.split("-");
        return parts.length >= 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }
}
