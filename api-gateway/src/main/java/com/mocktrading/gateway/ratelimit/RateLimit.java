package com.mocktrading.gateway.ratelimit;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.reactive.ReactiveProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One token bucket applied to a request: {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds
 * until the bucket is full) on the answer; 429 RATE_LIMITED with {@code Retry-After} once the bucket is empty. If
 * Redis does not answer in time, the same bucket is kept in this gateway's memory instead ({@link LocalTokenBuckets},
 * counted in {@code gateway.ratelimit.unavailable}): the limiter neither takes the API down with Redis nor lets a
 * heavy user through unlimited.
 */
final class RateLimit {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimit.class);

    private final TokenBucket bucket;
    private final LocalTokenBuckets fallback;
    private final Duration timeout;
    private final ReactiveProblemWriter problems;
    private final Counter limited;
    private final Counter unavailable;

    /** @param scope names the bucket in the metrics: {@code user} or {@code address} */
    RateLimit(
            TokenBucket bucket, Duration timeout, ReactiveProblemWriter problems, MeterRegistry meters, String scope) {
        this.bucket = bucket;
        this.fallback = new LocalTokenBuckets(bucket.capacity(), bucket.refillPerSecond(), System::nanoTime);
        this.timeout = timeout;
        this.problems = problems;
        this.limited = meters.counter("gateway.ratelimit.limited", "scope", scope);
        this.unavailable = meters.counter("gateway.ratelimit.unavailable", "scope", scope);
    }

    /** Takes a token from {@code key}'s bucket, then goes on with {@code next} or answers 429. */
    Mono<Void> apply(ServerWebExchange exchange, String key, Mono<Void> next) {
        return Mono.fromCompletionStage(() -> bucket.take(key))
                .subscribeOn(Schedulers.boundedElastic()) // (re)connecting to Redis blocks
                .timeout(timeout)
                .map(decision -> decide(exchange, decision, next))
                .onErrorResume(e -> {
                    unavailable.increment();
                    LOG.warn("rate limit kept in memory, Redis unavailable: {}", e.toString());
                    return Mono.just(decide(exchange, fallback.take(key), next));
                })
                .flatMap(decided -> decided);
    }

    private Mono<Void> decide(ServerWebExchange exchange, TokenBucket.Decision decision, Mono<Void> next) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT, Integer.toString(decision.limit()));
        headers.set(REMAINING, Integer.toString(decision.remaining()));
        headers.set(RESET, Long.toString(ceilSeconds(decision.millisUntilFull())));
        if (decision.allowed()) {
            return next;
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
}
