package com.mocktrading.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import java.io.Serializable;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Where a job's spans go: part of the job graph, so that every operator instance opens its own tracer with it.
 *
 * @param serviceName the name the job's spans carry (the trace UI's service)
 * @param zipkinEndpoint Zipkin's span endpoint ({@code http://host:9411/api/v2/spans}), or null: no spans
 */
public record TracingSettings(String serviceName, String zipkinEndpoint) implements Serializable {

    public TracingSettings {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("a traced job needs a service name");
        }
        if (zipkinEndpoint != null && zipkinEndpoint.isBlank()) {
            zipkinEndpoint = null;
        }
    }

    /**
     * A tracer for one operator instance, to be closed with it (which sends what it still holds). Without an
     * endpoint it makes no spans but still hands trace context on, so a trace continues past a job that keeps none.
     */
    public JobTracer open() {
        if (zipkinEndpoint == null) {
            return JobTracer.propagatingOnly();
        }
        return JobTracer.exportingTo(
                serviceName,
                ZipkinSpanExporter.builder()
                        .setSender(URLConnectionSender.newBuilder()
                                .endpoint(zipkinEndpoint)
                                .connectTimeout(2_000)
                                .readTimeout(5_000)
                                .build())
                        .build());
    }
}
