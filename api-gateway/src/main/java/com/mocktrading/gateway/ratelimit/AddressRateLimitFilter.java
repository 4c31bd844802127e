package com.mocktrading.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A limit per client address on every request, before authentication: requests without a valid token (401s, the
 * development token endpoint, floods of forged tokens) are limited too, and every answer of the gateway carries
 * rate-limit headers. Generous, since users behind one address share it; the per-user limit is the one users
 * meet. Behind a load balancer the address comes from the forwarded headers (server.forward-headers-strategy).
 */
public final class AddressRateLimitFilter implements WebFilter, Ordered {

    private final RateLimit perAddress;

    AddressRateLimitFilter(RateLimit perAddress) {
        this.perAddress = perAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        return perAddress.apply(exchange, "address:" + address, chain.filter(exchange));
    }

    /**
     * Before Spring Security's filter chain (WebFluxSecurityConfiguration orders it at -100), so unauthenticated
     * requests are counted too.
     */
    @Override
    public int getOrder() {
        return -200;
    }
}
