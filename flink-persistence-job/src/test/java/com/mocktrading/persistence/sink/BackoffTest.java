package com.mocktrading.persistence.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCapWithSomeJitter() {
        try (Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), "test")) {
            assertThat(backoff.delayMillis(0)).isBetween(100L, 120L);
            assertThat(backoff.delayMillis(3)).isBetween(800L, 960L);
            assertThat(backoff.delayMillis(30)).isBetween(30_000L, 36_000L);
        }
    }

    @Test
    void startsOverAfterASuccess() throws Exception {
        try (Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(10), "test")) {
            backoff.afterFailure(() -> {});
            backoff.afterFailure(() -> {});
            assertThat(backoff.consecutiveFailures()).isEqualTo(2);

            backoff.succeeded();

            assertThat(backoff.consecutiveFailures()).isZero();
        }
    }
}
