package com.mocktrading.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeAnalyticsTest {

    private static final VolumeQuery QUERY = new VolumeQuery(
            null, Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"), Interval.ONE_HOUR);
    private static final DependencyCalls CALLS = new DependencyCalls(
            CircuitBreakerRegistry.ofDefaults(),
            RetryRegistry.of(
                    RetryConfig.custom().waitDuration(Duration.ofMillis(1)).build()),
            Set.of());

    @Test
    void answersUpToTheCap() {
        VolumeReport report = new VolumeAnalytics((query, limit) -> buckets(3), CALLS, 3).report(QUERY);

        assertThat(report.buckets()).hasSize(3);
        assertThat(report.query()).isEqualTo(QUERY);
    }

    @Test
    void refusesAnAnswerBeyondTheCapAfterAskingForOneMore() {
        List<Integer> limits = new ArrayList<>();
        VolumeAnalytics analytics = new VolumeAnalytics(
                (query, limit) -> {
                    limits.add(limit);
                    return buckets(limit);
                },
                CALLS,
                3);

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> analytics.report(QUERY));

        assertThat(limits).containsExactly(4);
        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void turnsAStoreFailureInto503() {
        VolumeAnalytics analytics = new VolumeAnalytics(
                (query, limit) -> {
                    throw new IllegalStateException("connection refused");
                },
                CALLS,
                3);

        ApiException refusal = catchThrowableOfType(ApiException.class, () -> analytics.report(QUERY));

        assertThat(refusal.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE);
        assertThat(refusal.getMessage()).startsWith("ClickHouse");
    }

    @Test
    void roundsTheExactNotionalOnceToTheCentHalfEven() {
        assertThat(VolumeBucket.of(Instant.EPOCH, "A", 1, new BigDecimal("10.0050"), 1)
                        .notional())
                .isEqualTo(new BigDecimal("10.00"));
        assertThat(VolumeBucket.of(Instant.EPOCH, "A", 1, new BigDecimal("10.0150"), 1)
                        .notional())
                .isEqualTo(new BigDecimal("10.02"));
        assertThat(VolumeBucket.of(Instant.EPOCH, "A", 1, new BigDecimal("10.0051"), 1)
                        .notional())
                .isEqualTo(new BigDecimal("10.01"));
    }

    private static List<VolumeBucket> buckets(int count) {
        List<VolumeBucket> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buckets.add(new VolumeBucket(Instant.EPOCH, "S" + i, 1, BigDecimal.ONE, 1));
        }
        return buckets;
    }
}
