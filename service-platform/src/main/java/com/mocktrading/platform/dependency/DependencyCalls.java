package com.mocktrading.platform.dependency;

import com.mocktrading.platform.error.ApiException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Calls to DynamoDB, Redis and Kafka go through here: each behind its circuit breaker, reads (idempotent)
 * also retried with backoff, writes never retried here (a conditional write or an idempotent producer
 * handles its own). A failing dependency surfaces as 503 DEPENDENCY_UNAVAILABLE with Retry-After; outcomes
 * that are answers rather than failures (a condition that did not hold) pass through untouched.
 */
public final class DependencyCalls {

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Set<Class<? extends Throwable>> answers;

    /** @param answers exception types that are business outcomes, not dependency failures */
    public DependencyCalls(
            CircuitBreakerRegistry breakers, RetryRegistry retries, Set<Class<? extends Throwable>> answers) {
        this.breakers = breakers;
        this.retries = retries;
        this.answers = Set.copyOf(answers);
    }

    public <T> T read(Dependency dependency, Supplier<T> call) {
        Retry retry = retries.retry(dependency.id() + "-read");
        CircuitBreaker breaker = breakers.circuitBreaker(dependency.id());
        return translate(dependency, Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)));
    }

    public <T> T write(Dependency dependency, Supplier<T> call) {
        CircuitBreaker breaker = breakers.circuitBreaker(dependency.id());
        return translate(dependency, CircuitBreaker.decorateSupplier(breaker, call));
    }

    public void write(Dependency dependency, Runnable call) {
        write(dependency, () -> {
            call.run();
            return null;
        });
    }

    private <T> T translate(Dependency dependency, Supplier<T> decorated) {
        try {
            return decorated.get();
        } catch (ApiException e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw ApiException.dependencyUnavailable(dependency.label(), e);
        } catch (RuntimeException e) {
            if (isAnswer(e)) {
                throw e;
            }
            throw ApiException.dependencyUnavailable(dependency.label(), e);
        }
    }

    private boolean isAnswer(Throwable e) {
        return answers.stream().anyMatch(type -> type.isInstance(e));
    }
}
