package com.mocktrading.gateway.requestid;

import com.mocktrading.platform.reactive.RequestIdWebFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends the request id the gateway answers with (the client's, if sane, or a new one) on to the service, so that
 * one id follows a request through the gateway's log and the service's.
 */
@Component
class RequestIdForwarding implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = exchange.getResponse().getHeaders().getFirst(RequestIdWebFilter.REQUEST_ID);
        if (requestId == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIdWebFilter.REQUEST_ID, requestId)))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
