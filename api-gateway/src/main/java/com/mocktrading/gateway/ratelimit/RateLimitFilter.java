package com.mocktrading.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The per-user limit on every routed request, keyed by the token's subject (authentication ran before any
 * route). Its headers replace those of the per-address limit, so a user sees their own budget.
 */
public final class RateLimitFilter implements GlobalFilter, Ordered {

    public static final String LIMIT = RateLimit.LIMIT;
    public static final String REMAINING = RateLimit.REMAINING;
    public static final String RESET = RateLimit.RESET;

    private final RateLimit perUser;

    RateLimitFilter(RateLimit perUser) {
        this.perUser = perUser;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Mono<Void> routed = Mono.defer(() -> chain.filter(exchange));
        // The limited request completes empty like any other: choose what runs first, then run it once.
        return exchange.getPrincipal()
                .map(principal -> perUser.apply(exchange, "user:" + principal.getName(), routed))
                .defaultIfEmpty(routed)
                .flatMap(next -> next);
    }

    /** After the request id is set, before routing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
