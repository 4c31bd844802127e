package com.mocktrading.events;

/**
 * W3C trace context carried across Kafka. The strings are passed through unparsed: a malformed
 * traceparent must cost us a broken trace, never a rejected trade.
 *
 * @param traceparent the {@code traceparent} header value, required
 * @param tracestate the {@code tracestate} header value, or null when absent
 */
public record TraceContext(String traceparent, String tracestate) {

    public TraceContext {
        Checks.nonBlank(traceparent, "traceparent");
    }

    public static TraceContext of(String traceparent) {
        return new TraceContext(traceparent, null);
    }
}
