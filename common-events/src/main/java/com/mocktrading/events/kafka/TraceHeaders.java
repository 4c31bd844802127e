package com.mocktrading.events.kafka;

import com.mocktrading.events.TraceContext;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context in Kafka record headers, for the producers and consumers the Java agent does not instrument
 * (the Flink jobs): the same {@code traceparent}/{@code tracestate} headers the agent writes and reads.
 */
public final class TraceHeaders {

    private TraceHeaders() {}

    /** The last value of header {@code name}, or null when it is absent or blank. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value;
    }

    /** Sets the headers of {@code context}, replacing any; nothing for an event without trace context. */
    public static void write(Headers headers, TraceContext context) {
        if (context == null) {
            return;
        }
        headers.remove(TraceContext.TRACEPARENT_HEADER);
        headers.add(TraceContext.TRACEPARENT_HEADER, context.traceparent().getBytes(StandardCharsets.UTF_8));
        headers.remove(TraceContext.TRACESTATE_HEADER);
        if (context.tracestate() != null) {
            headers.add(TraceContext.TRACESTATE_HEADER, context.tracestate().getBytes(StandardCharsets.UTF_8));
        }
    }
}
