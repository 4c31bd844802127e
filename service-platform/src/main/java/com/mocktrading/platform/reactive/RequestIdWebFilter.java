package com.mocktrading.platform.reactive;

import com.mocktrading.events.TraceContext;
import com.mocktrading.tracing.TraceContexts;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The WebFlux twin of the servlet request-id filter: echoes a sane {@code X-Request-Id} (or makes one) and
 * names the request's trace in {@code X-Trace-Id}: the server span the Java agent opened for the request, current
 * while the filter chain is assembled.
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
        TraceContext trace = TraceContexts.current();
        if (trace != null && trace.traceId() != null) {
            headers.set(TRACE_ID, trace.traceId());
        }
        return chain.filter(exchange);
    }
}
