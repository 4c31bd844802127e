package com.mocktrading.tracing;

import com.mocktrading.events.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Spans of a Flink job, continuing the trace whose W3C context an event carries. One per operator instance, closed
 * with it: the Java agent does not instrument Flink, so the jobs make their spans with the SDK and hand the context
 * on in the events they emit.
 */
public final class JobTracer implements AutoCloseable {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final Tracer tracer;
    private final OpenTelemetrySdk sdk;

    private JobTracer(Tracer tracer, OpenTelemetrySdk sdk) {
        this.tracer = tracer;
        this.sdk = sdk;
    }

    /** Spans exported in batches off the task thread: a slow or absent trace UI never slows a record down. */
    public static JobTracer exportingTo(String serviceName, SpanExporter exporter) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        OpenTelemetrySdk sdk =
                OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        return new JobTracer(sdk.getTracer("com.mocktrading." + serviceName), sdk);
    }

    static JobTracer propagatingOnly() {
        return new JobTracer(OpenTelemetry.noop().getTracer("com.mocktrading"), null);
    }

    /**
     * A span continuing {@code parent}'s trace (a new trace when the event carried none, or a malformed one); the
     * caller ends it. Without a span of its own (tracing off), the parent's context is what a child inherits.
     */
    public Span start(String name, SpanKind kind, TraceContext parent) {
        return tracer.spanBuilder(name)
                .setSpanKind(kind)
                .setParent(TraceContexts.parentOf(parent))
                .startSpan();
    }

    /** A child of the span current on this thread (see {@link Span#makeCurrent()}); the caller ends it. */
    public Span startChild(String name) {
        return tracer.spanBuilder(name).setParent(Context.current()).startSpan();
    }

    /**
     * {@code span}'s W3C context, for the event it hands on; {@code fallback} (the context the event came with) when
     * the span is not recording, so that a trace runs on through a job that keeps no spans.
     */
    public static TraceContext contextOf(Span span, TraceContext fallback) {
        TraceContext context = TraceContexts.of(span);
        return context == null ? fallback : context;
    }

    /**
     * Runs {@code work} as {@code span}'s step: a failure marks the span (its exception recorded), and the span ends
     * either way.
     */
    public static <T> T during(Span span, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Sends what is still buffered (bounded: a missing trace UI cannot hold up a job's shutdown). */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}
