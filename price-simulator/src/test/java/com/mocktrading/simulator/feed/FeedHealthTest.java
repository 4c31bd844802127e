package com.mocktrading.simulator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void isHealthyWhileAcknowledgementsAreRecent() {
        FeedHealth health = new FeedHealth(() -> 100 * SECOND, Duration.ofSeconds(30));

        assertThat(health.healthyAt(100 * SECOND)).isTrue();
        assertThat(health.healthyAt(130 * SECOND)).isTrue();
    }

    @Test
    void isUnhealthyOnceNothingWasAcknowledgedForTheStalenessBound() {
        FeedHealth health = new FeedHealth(() -> 100 * SECOND, Duration.ofSeconds(30));

        assertThat(health.healthyAt(131 * SECOND)).isFalse();
    }
}
