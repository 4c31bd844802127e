package com.mocktrading.tracing;

import com.mocktrading.events.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Between OpenTelemetry's context and the W3C trace context an event carries ({@link TraceContext}): the one place
 * the two meet, for the services (whose spans the Java agent makes) and the jobs (whose spans {@link JobTracer}
 * makes) alike.
 */
public final class TraceContexts {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<TraceContext> FROM_EVENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TraceContext.TRACEPARENT_HEADER, TraceContext.TRACESTATE_HEADER);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TraceContext.TRACEPARENT_HEADER.equals(key) ? carrier.traceparent() : carrier.tracestate();
        }
    };

    private TraceContexts() {}

    /** The context whose span {@code event} names as parent; the root context (a new trace) for none or a bad one. */
    public static Context parentOf(TraceContext event) {
        return W3C.extract(Context.root(), event, FROM_EVENT);
    }

    /** The W3C context of {@code span}, or null when it is not a valid span (tracing is off). */
    public static TraceContext of(Span span) {
        if (!span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.root().with(span), headers, Map::put);
        String traceparent = headers.get(TraceContext.TRACEPARENT_HEADER);
        return traceparent == null ? null : new TraceContext(traceparent, headers.get(TraceContext.TRACESTATE_HEADER));
    }

    /** The context of the span current on this thread, or null when there is none. */
    public static TraceContext current() {
        return of(Span.current());
    }
}
