package com.mocktrading.order.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One user's orders in placement are capped; other users are not touched by it, and leaving frees a place. */
class PerUserInFlightTest {

    private final PerUserInFlight inFlight = new PerUserInFlight(2);

    @Test
    void refusesAUsersOrderBeyondTheLimitAndNobodyElses() {
        assertThat(inFlight.tryEnter("hot")).isTrue();
        assertThat(inFlight.tryEnter("hot")).isTrue();

        assertThat(inFlight.tryEnter("hot")).isFalse();
        assertThat(inFlight.tryEnter("alice")).isTrue();

        inFlight.leave("hot");
        assertThat(inFlight.tryEnter("hot")).isTrue();
    }

    @Test
    void neverLetsMoreThanTheLimitInAtOnceUnderConcurrency() throws Exception {
        PerUserInFlight capped = new PerUserInFlight(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    if (capped.tryEnter("hot")) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                        capped.leave("hot");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(most.get()).isBetween(1, 3);
        assertThat(capped.tryEnter("hot")).isTrue();
    }
}
