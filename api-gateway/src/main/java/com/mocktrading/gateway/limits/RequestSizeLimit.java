package com.mocktrading.gateway.limits;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.reactive.ReactiveProblemWriter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than {@code mocktrading.gateway.max-request-body} (16 KB: an order is a few hundred
 * bytes) with a 413 problem before anything is forwarded. Bodies without a declared length are forwarded, and the
 * services' own limit (the same 16 KB, counted as the bytes arrive) refuses them.
 */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

    private final long maxBytes;
    private final ReactiveProblemWriter problems;

    RequestSizeLimit(
            @Value("${mocktrading.gateway.max-request-body:16KB}") DataSize max, ReactiveProblemWriter problems) {
        this.maxBytes = max.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(
                    exchange,
                    ErrorCode.VALIDATION_FAILED,
                    HttpStatus.CONTENT_TOO_LARGE.value(),
                    "request bodies are limited to " + maxBytes + " bytes",
                    List.of(),
                    null);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
