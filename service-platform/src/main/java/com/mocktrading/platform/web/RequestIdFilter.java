package com.mocktrading.platform.web;

import com.mocktrading.events.TraceContext;
import com.mocktrading.tracing.TraceContexts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the client's {@code X-Request-Id} when it is sane, a new one otherwise), echoes
 * it and the trace id on the response, and puts it in the log context.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACE_ID = "X-Trace-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requested = request.getHeader(REQUEST_ID);
        String requestId = requested != null && SANE.matcher(requested).matches()
                ? requested
                : UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID, requestId);
        TraceContext trace = TraceContexts.current();
        if (trace != null && trace.traceId() != null) {
            response.setHeader(TRACE_ID, trace.traceId());
        }
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
