package com.mocktrading.platform.reactive;

import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The WebFlux twin of the servlet request-id filter: echoes a sane {@code X-Request-Id} (or makes one) and
 * names the request's trace in {@code X-Trace-Id}. The trace is read from the request's observation, which
 * WebFlux keeps on the exchange rather than in a thread-local.
 */
public class RequestIdWebFilter implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACE_ID = "X-Trace-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requested = exchange.getRequest().getHeaders().getFirst(REQUEST_ID);
        String requestId = requested != null && SANE.matcher(requested).matches()
                ? requested
                : UUID.randomUUID().toString();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REQUEST_ID, requestId);
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .ifPresent(span -> headers.set(TRACE_ID, span.context().traceId()));
        return chain.filter(exchange);
    }
}
