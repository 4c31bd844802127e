package com.mocktrading.gateway.ratelimit;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.reactive.ReactiveProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Per-user rate limit on every routed request: {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
 * (seconds until the bucket is full) on each answer; 429 RATE_LIMITED with {@code Retry-After} once the user's
 * bucket is empty. The user is the token's subject (authentication ran before any route). If Redis does not answer
 * in time the request passes (fail open: a rate limiter must not take the API down with it), counted in
 * {@code gateway.ratelimit.unavailable}.
 */
public final class RateLimitFilter implements GlobalFilter, Ordered {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    private final TokenBucket bucket;
    private final Duration timeout;
    private final ReactiveProblemWriter problems;
    private final Counter limited;
    private final Counter unavailable;

    public RateLimitFilter(TokenBucket bucket, Duration timeout, ReactiveProblemWriter problems, MeterRegistry meters) {
        this.bucket = bucket;
        this.timeout = timeout;
        this.problems = problems;
        this.limited = meters.counter("gateway.ratelimit.limited");
        this.unavailable = meters.counter("gateway.ratelimit.unavailable");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(user -> Mono.fromCompletionStage(() -> bucket.take(user))
                        .subscribeOn(Schedulers.boundedElastic()) // (re)connecting to Redis blocks
                        .timeout(timeout)
                        .map(decision -> decide(exchange, chain, decision))
                        .onErrorResume(e -> {
                            unavailable.increment();
                            LOG.warn("rate limit not checked, Redis unavailable: {}", e.toString());
                            exchange.getResponse().getHeaders().set(LIMIT, Integer.toString(bucket.capacity()));
                            return Mono.just(chain.filter(exchange));
                        })
                        .flatMap(next -> next))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, TokenBucket.Decision decision) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT, Integer.toString(decision.limit()));
        headers.set(REMAINING, Integer.toString(decision.remaining()));
        headers.set(RESET, Long.toString(ceilSeconds(decision.millisUntilFull())));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        limited.increment();
        Duration retryAfter = Duration.ofSeconds(Math.max(1, ceilSeconds(decision.millisUntilNextToken())));
        return problems.write(
                exchange,
                ErrorCode.RATE_LIMITED,
                ErrorCode.RATE_LIMITED.status().value(),
                "Too many requests; retry after " + retryAfter.toSeconds() + " s",
                List.of(),
                retryAfter);
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** After the request id is set, before routing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
