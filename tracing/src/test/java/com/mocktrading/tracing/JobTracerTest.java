package com.mocktrading.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.events.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JobTracerTest {

    private static final TraceContext FROM_ORDER_SERVICE =
            new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");

    @Test
    void continuesTheEventsTraceAndHandsOnItsOwnSpanAsParent() {
        KeptSpans exported = new KeptSpans();
        TraceContext handedOn;
        try (JobTracer tracer = JobTracer.exportingTo("execution-job", exported)) {
            Span execute = tracer.start("execute order", SpanKind.CONSUMER, FROM_ORDER_SERVICE);
            try (Scope ignored = execute.makeCurrent()) {
                tracer.startChild("read price").end();
            }
            execute.end();
            handedOn = JobTracer.contextOf(execute, FROM_ORDER_SERVICE);
        }

        List<SpanData> spans = exported.spans;
        SpanData execute = spans.stream()
                .filter(s -> s.getName().equals("execute order"))
                .findFirst()
                .orElseThrow();
        SpanData price = spans.stream()
                .filter(s -> s.getName().equals("read price"))
                .findFirst()
                .orElseThrow();
        assertThat(execute.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(execute.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(execute.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(execute.getResource().getAttributes().asMap().toString()).contains("execution-job");
        assertThat(price.getParentSpanId()).isEqualTo(execute.getSpanId());
        assertThat(handedOn.traceparent())
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + execute.getSpanId() + "-01");
        assertThat(handedOn.tracestate()).isEqualTo("congo=t61rcWkgMzE");
    }

    @Test
    void anEventWithoutTraceContextStartsATraceOfItsOwn() {
        KeptSpans exported = new KeptSpans();
        try (JobTracer tracer = JobTracer.exportingTo("persistence-job", exported)) {
            tracer.start("store in Elasticsearch", SpanKind.CLIENT, null).end();
            tracer.start("store in Elasticsearch", SpanKind.CLIENT, TraceContext.of("not-a-traceparent"))
                    .end();
        }

        assertThat(exported.spans).hasSize(2).allSatisfy(span -> assertThat(
                        span.getParentSpanContext().isValid())
                .isFalse());
    }

    @Test
    void withTracingOffTheEventsContextRunsOnUnchanged() {
        try (JobTracer tracer = new TracingSettings("execution-job", null).open()) {
            Span execute = tracer.start("execute order", SpanKind.CONSUMER, FROM_ORDER_SERVICE);
            execute.end();

            assertThat(JobTracer.contextOf(execute, FROM_ORDER_SERVICE).traceparent())
                    .isEqualTo(FROM_ORDER_SERVICE.traceparent());
            assertThat(JobTracer.contextOf(tracer.start("x", SpanKind.INTERNAL, null), null))
                    .isNull();
        }
    }

    @Test
    void aStepThatFailsMarksItsSpanWhichEndsEitherWay() {
        KeptSpans exported = new KeptSpans();
        try (JobTracer tracer = JobTracer.exportingTo("execution-job", exported)) {
            assertThat(JobTracer.during(tracer.startChild("read price"), () -> "12.50"))
                    .isEqualTo("12.50");
            assertThatThrownBy(() -> JobTracer.during(tracer.startChild("dynamodb transaction"), () -> {
                        throw new IllegalStateException("throttled");
                    }))
                    .hasMessage("throttled");
        }

        assertThat(exported.spans)
                .extracting(span -> span.getName() + ":" + span.getStatus().getStatusCode())
                .containsExactlyInAnyOrder("read price:UNSET", "dynamodb transaction:ERROR");
        assertThat(exported.spans.stream()
                        .filter(span -> span.getName().equals("dynamodb transaction"))
                        .findFirst()
                        .orElseThrow()
                        .getEvents())
                .extracting(event -> event.getName())
                .containsExactly("exception");
    }

    @Test
    void aTracedJobIsNamed() {
        assertThatThrownBy(() -> new TracingSettings(" ", "http://127.0.0.1:9411/api/v2/spans"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TracingSettings("execution-job", " ").zipkinEndpoint()).isNull();
    }

    /** What was exported, kept past the tracer's close (the SDK's in-memory exporter forgets on shutdown). */
    private static final class KeptSpans implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
