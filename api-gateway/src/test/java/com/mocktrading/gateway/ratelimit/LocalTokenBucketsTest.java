package com.mocktrading.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory buckets behave as the Redis script does: a burst of the capacity, then the refill rate. */
class LocalTokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(3, 2.0, now::get);

    @Test
    void allowsABurstOfTheCapacityThenRefusesWithTheWaitForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("alice").allowed()).isTrue();
        }
        TokenBucket.Decision refused = buckets.take("alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.millisUntilNextToken()).isEqualTo(500);
        assertThat(refused.millisUntilFull()).isEqualTo(1500);
    }

    @Test
    void refillsAtItsRateAndKeepsEachKeyApart() {
        for (int i = 0; i < 3; i++) {
            buckets.take("alice");
        }
        assertThat(buckets.take("bob").allowed()).isTrue();

        now.addAndGet(500_000_000L); // one token at 2 per second
        assertThat(buckets.take("alice").allowed()).isTrue();
        assertThat(buckets.take("alice").allowed()).isFalse();
    }
}
